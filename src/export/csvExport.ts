import type { ExportValue } from './exportFormat.js';
import type { GraphStream } from './graphStream.js';
import type { TextSink } from './textSink.js';

/** Columns of nodes.csv: the id, labels (`;`-separated), common text columns, all properties. */
export const nodeCsvColumns = ['id', 'labels', 'name', 'title', 'text', 'properties'] as const;

/** Columns of edges.csv: type, end-point ids, the relationship's key and all its properties. */
export const edgeCsvColumns = ['type', 'from', 'to', 'key', 'properties'] as const;

/**
 * One CSV field per RFC 4180: quoted when it holds a quote, comma, CR or LF, with quotes
 * doubled. Everything else (backticks included) is written as is.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Writes nodes.csv: a header, then one record per node. */
export async function writeNodesCsv(stream: GraphStream, sink: TextSink): Promise<void> {
  await sink.write(csvRecord(nodeCsvColumns));
  for await (const page of stream.nodePages()) {
    await sink.write(
      page
        .map((node) =>
          csvRecord([
            cell(node.properties.id),
            node.labels.join(';'),
            cell(node.properties.name),
            cell(node.properties.title),
            cell(node.properties.text),
            JSON.stringify(node.properties),
          ]),
        )
        .join(''),
    );
  }
}

/** Writes edges.csv: a header, then one record per relationship. */
export async function writeEdgesCsv(stream: GraphStream, sink: TextSink): Promise<void> {
  await sink.write(csvRecord(edgeCsvColumns));
  for await (const page of stream.relationshipPages()) {
    await sink.write(
      page
        .map((relationship) =>
          csvRecord([
            relationship.type,
            relationship.from,
            relationship.to,
            cell(relationship.properties.key),
            JSON.stringify(relationship.properties),
          ]),
        )
        .join(''),
    );
  }
}

function cell(value: ExportValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
