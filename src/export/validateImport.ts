import { knownLabels, knownTypes, type KnownLabel, type KnownType } from '../db/exportQueries.js';
import type { ImportNode, ImportValue } from '../db/importGraph.js';
import { exportFormatName } from './exportFormat.js';

/** One problem in an import file, located by record index and field. */
export interface ImportProblem {
  /** e.g. `nodes[12] (clm-foo)`, `relationships[3] (CITES src-a -> src-b)` or `(file)`. */
  readonly record: string;
  readonly field: string;
  readonly message: string;
}

/** Formats a problem as one line: `record: field: message`. */
export function formatImportProblem(problem: ImportProblem): string {
  return `${problem.record}: ${problem.field}: ${problem.message}`;
}

/** A relationship that passed the file checks; its end nodes' labels are resolved later. */
export interface CheckedRelationship {
  /** Its position in the file, for problems found against the database. */
  readonly record: string;
  readonly type: KnownType;
  readonly from: string;
  readonly to: string;
  readonly key: string | null;
  readonly properties: Record<string, ImportValue>;
  readonly integerProperties: readonly string[];
}

/** The outcome of the file checks: the records, or every problem found. */
export type FileCheck =
  | {
      readonly ok: true;
      readonly nodes: readonly (ImportNode & { readonly record: string })[];
      readonly relationships: readonly CheckedRelationship[];
    }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

const nodeFields = new Set(['labels', 'properties', 'integerProperties']);
const relationshipFields = new Set(['type', 'from', 'to', 'properties', 'integerProperties']);

/**
 * Checks a parsed `claimgraph-export/1` document on its own, before anything is written: the
 * format marker; every node has known labels and a unique string id; every relationship has a
 * known type, string ends and is unique by (type, from, to, key); every property is a string,
 * finite number, boolean or a list of one of those; `integerProperties` names integer values.
 * End nodes missing from the file are checked against the database afterwards.
 */
export function checkImportDocument(document: unknown): FileCheck {
  const problems: ImportProblem[] = [];
  const problem = (record: string, field: string, message: string) =>
    problems.push({ record, field, message });
  if (!isObject(document)) {
    return {
      ok: false,
      problems: [{ record: '(file)', field: '(top level)', message: 'must be a JSON object' }],
    };
  }
  if (document.format !== exportFormatName) {
    problem(
      '(file)',
      'format',
      `must be "${exportFormatName}", found ${JSON.stringify(document.format) ?? 'nothing'}`,
    );
  }
  for (const section of ['nodes', 'relationships'] as const) {
    if (!Array.isArray(document[section])) problem('(file)', section, 'must be an array');
  }
  if (problems.length > 0) return { ok: false, problems };

  const nodes: (ImportNode & { record: string })[] = [];
  const ids = new Set<string>();
  (document.nodes as unknown[]).forEach((raw, index) => {
    const id = isObject(raw) && isObject(raw.properties) ? raw.properties.id : undefined;
    const record = `nodes[${index}]${typeof id === 'string' ? ` (${id})` : ''}`;
    const count = problems.length;
    if (!isObject(raw)) return problem(record, '(record)', 'must be an object');
    for (const field of Object.keys(raw)) {
      if (!nodeFields.has(field)) problem(record, field, 'is not a field of a node');
    }
    const labels = checkLabels(raw.labels, record, problem);
    const properties = checkProperties(raw.properties, raw.integerProperties, record, problem);
    if (typeof id !== 'string' || id === '') {
      problem(record, 'properties.id', 'every node needs a non-empty string id');
    } else if (ids.has(id)) {
      problem(record, 'properties.id', `duplicate id "${id}"`);
    } else {
      ids.add(id);
    }
    if (problems.length === count && labels && properties && typeof id === 'string') {
      nodes.push({ record, labels, id, ...properties });
    }
  });

  const relationships: CheckedRelationship[] = [];
  const identities = new Set<string>();
  (document.relationships as unknown[]).forEach((raw, index) => {
    const name = isObject(raw)
      ? ` (${String(raw.type)} ${String(raw.from)} -> ${String(raw.to)})`
      : '';
    const record = `relationships[${index}]${name}`;
    const count = problems.length;
    if (!isObject(raw)) return problem(record, '(record)', 'must be an object');
    for (const field of Object.keys(raw)) {
      if (!relationshipFields.has(field))
        problem(record, field, 'is not a field of a relationship');
    }
    const type = knownTypes.find((candidate) => candidate === raw.type);
    if (!type) {
      problem(
        record,
        'type',
        `unknown relationship type ${JSON.stringify(raw.type)}; known types: ${knownTypes.join(', ')}`,
      );
    }
    for (const end of ['from', 'to'] as const) {
      if (typeof raw[end] !== 'string' || raw[end] === '') {
        problem(record, end, 'must be the id of a node');
      }
    }
    const properties = checkProperties(raw.properties, raw.integerProperties, record, problem);
    const key = properties?.properties.key;
    if (key !== undefined && typeof key !== 'string') {
      problem(record, 'properties.key', 'must be a string');
    }
    const identity = JSON.stringify([raw.type, raw.from, raw.to, key ?? null]);
    if (identities.has(identity)) {
      problem(
        record,
        '(record)',
        'duplicate relationship: same type, ends and key as an earlier one',
      );
    }
    identities.add(identity);
    if (problems.length === count && type && properties) {
      relationships.push({
        record,
        type,
        from: raw.from as string,
        to: raw.to as string,
        key: typeof key === 'string' ? key : null,
        ...properties,
      });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, nodes, relationships };
}

type Report = (record: string, field: string, message: string) => void;

function checkLabels(raw: unknown, record: string, problem: Report): KnownLabel[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    problem(record, 'labels', 'must be a non-empty array of labels');
    return undefined;
  }
  let ok = true;
  raw.forEach((label, i) => {
    if (!knownLabels.some((known) => known === label)) {
      ok = false;
      problem(
        record,
        `labels[${i}]`,
        `unknown label ${JSON.stringify(label)}; known labels: ${knownLabels.join(', ')}`,
      );
    }
  });
  if (new Set(raw).size !== raw.length) {
    ok = false;
    problem(record, 'labels', 'lists a label twice');
  }
  return ok ? knownLabels.filter((label) => raw.includes(label)) : undefined;
}

function checkProperties(
  raw: unknown,
  rawIntegers: unknown,
  record: string,
  problem: Report,
): { properties: Record<string, ImportValue>; integerProperties: string[] } | undefined {
  if (!isObject(raw)) {
    problem(record, 'properties', 'must be an object');
    return undefined;
  }
  let ok = true;
  const fail = (field: string, message: string) => {
    ok = false;
    problem(record, field, message);
  };
  for (const [key, value] of Object.entries(raw)) {
    if (key === '') fail('properties', 'a property name is empty');
    else if (!isPropertyValue(value)) {
      fail(
        `properties.${key}`,
        'must be a string, finite number, boolean, or a list of only strings, only numbers or only booleans',
      );
    }
  }
  const integerProperties: string[] = [];
  if (rawIntegers !== undefined) {
    if (!Array.isArray(rawIntegers))
      fail('integerProperties', 'must be an array of property names');
    else {
      rawIntegers.forEach((key: unknown, i) => {
        const value = typeof key === 'string' ? raw[key] : undefined;
        const numbers = Array.isArray(value) ? (value as unknown[]) : [value];
        if (typeof key !== 'string' || value === undefined) {
          fail(
            `integerProperties[${i}]`,
            `${JSON.stringify(key)} is not a property of this record`,
          );
        } else if (!numbers.every((n) => typeof n === 'number' && Number.isSafeInteger(n))) {
          fail(
            `integerProperties[${i}]`,
            `property "${key}" is not an integer (or list of integers) within ±2^53`,
          );
        } else if (integerProperties.includes(key)) {
          fail(`integerProperties[${i}]`, `lists "${key}" twice`);
        } else {
          integerProperties.push(key);
        }
      });
    }
  }
  return ok ? { properties: raw as Record<string, ImportValue>, integerProperties } : undefined;
}

function isPropertyValue(value: unknown): value is ImportValue {
  if (Array.isArray(value)) {
    const kinds = new Set(value.map(scalarKind));
    return !kinds.has(undefined) && kinds.size <= 1;
  }
  return scalarKind(value) !== undefined;
}

function scalarKind(value: unknown): 'string' | 'number' | 'boolean' | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return 'number';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
