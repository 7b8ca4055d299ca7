import type { ExportProperties, ExportValue } from './exportFormat.js';
import type { GraphStream } from './graphStream.js';
import type { TextSink } from './textSink.js';
import { escapeXmlAttribute, escapeXmlText } from './xmlText.js';

/** A GraphML attribute type. */
export type GraphmlType = 'string' | 'double' | 'long' | 'boolean';

/** A `<key>` declaration: the id used by `<data key=…>`, the attribute name Gephi shows, its type. */
export interface GraphmlKey {
  readonly id: string;
  readonly name: string;
  readonly type: GraphmlType;
}

/**
 * The GraphML type for a property from the Neo4j value types it has across the export: INTEGER
 * is `long` (Neo4j integers are 64-bit), FLOAT (or a mix with INTEGER) `double`, BOOLEAN
 * `boolean`; strings, lists (written as JSON) and mixtures are `string`.
 */
export function graphmlType(neo4jTypes: ReadonlySet<string>): GraphmlType {
  const types = [...neo4jTypes];
  if (types.length === 0) return 'string';
  if (types.every((type) => type === 'BOOLEAN NOT NULL')) return 'boolean';
  if (types.every((type) => type === 'INTEGER NOT NULL')) return 'long';
  if (types.every((type) => type === 'INTEGER NOT NULL' || type === 'FLOAT NOT NULL')) {
    return 'double';
  }
  return 'string';
}

/** Key declarations for the properties used, plus `label`/`labels` on nodes and `type` on edges. */
export function graphmlKeys(
  nodeTypes: ReadonlyMap<string, ReadonlySet<string>>,
  edgeTypes: ReadonlyMap<string, ReadonlySet<string>>,
): { nodes: Map<string, GraphmlKey>; edges: Map<string, GraphmlKey> } {
  const declare = (
    types: ReadonlyMap<string, ReadonlySet<string>>,
    prefix: string,
    reserved: string[],
  ) =>
    new Map(
      [...types.keys()].sort().map((name, index): [string, GraphmlKey] => [
        name,
        {
          id: `${prefix}${index}`,
          // A property named like one of our own keys keeps a distinct attribute name.
          name: reserved.includes(name) ? `property.${name}` : name,
          type: graphmlType(types.get(name)!),
        },
      ]),
    );
  return {
    nodes: declare(nodeTypes, 'n', ['label', 'labels']),
    edges: declare(edgeTypes, 'e', ['type']),
  };
}

/**
 * Writes the selection as GraphML (opens in Gephi, yEd, Cytoscape, networkx): a directed graph
 * whose node ids are claimgraph ids, with a `label` (name, title or text) and `labels` on
 * nodes, a `type` on edges, and one declared key per property. Lists are JSON strings.
 */
export async function writeGraphml(stream: GraphStream, sink: TextSink): Promise<void> {
  const types = await stream.propertyTypes();
  const keys = graphmlKeys(types.nodes, types.relationships);
  const declaration = (id: string, scope: 'node' | 'edge', name: string, type: GraphmlType) =>
    `  <key id="${escapeXmlAttribute(id)}" for="${scope}" attr.name="${escapeXmlAttribute(name)}" attr.type="${type}"/>\n`;
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns' +
      ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      declaration('label', 'node', 'label', 'string') +
      declaration('labels', 'node', 'labels', 'string') +
      [...keys.nodes.values()]
        .map((key) => declaration(key.id, 'node', key.name, key.type))
        .join('') +
      declaration('type', 'edge', 'type', 'string') +
      [...keys.edges.values()]
        .map((key) => declaration(key.id, 'edge', key.name, key.type))
        .join('') +
      '  <graph id="claimgraph" edgedefault="directed">\n',
  );
  for await (const page of stream.nodePages()) {
    await sink.write(
      page
        .map((node) => {
          const label = [node.properties.name, node.properties.title, node.properties.text].find(
            (value) => typeof value === 'string',
          );
          return (
            `    <node id="${escapeXmlAttribute(String(node.properties.id))}">\n` +
            data('label', String(label ?? node.properties.id)) +
            data('labels', node.labels.join(';')) +
            propertyData(node.properties, keys.nodes) +
            '    </node>\n'
          );
        })
        .join(''),
    );
  }
  for await (const page of stream.relationshipPages()) {
    await sink.write(
      page
        .map(
          (relationship) =>
            `    <edge source="${escapeXmlAttribute(relationship.from)}" target="${escapeXmlAttribute(relationship.to)}">\n` +
            data('type', relationship.type) +
            propertyData(relationship.properties, keys.edges) +
            '    </edge>\n',
        )
        .join(''),
    );
  }
  await sink.write('  </graph>\n</graphml>\n');
}

function data(key: string, value: string): string {
  return `      <data key="${escapeXmlAttribute(key)}">${escapeXmlText(value)}</data>\n`;
}

function propertyData(properties: ExportProperties, keys: ReadonlyMap<string, GraphmlKey>) {
  return Object.entries(properties)
    .map(([name, value]) => {
      const key = keys.get(name);
      // A property added between the key scan and this page has no key: leave it out.
      return key ? data(key.id, graphmlValue(value)) : '';
    })
    .join('');
}

function graphmlValue(value: ExportValue): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}
