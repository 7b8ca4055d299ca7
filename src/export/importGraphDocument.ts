import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../db/executor.js';
import {
  findNodeLabels,
  writeImportPlan,
  type ImportCounts,
  type ImportOptions,
  type ImportRelationship,
} from '../db/importGraph.js';
import { AppError } from '../errors/appError.js';
import { checkImportDocument, formatImportProblem, type ImportProblem } from './validateImport.js';

/** What an import did, and how much the file held. */
export interface ImportReport extends ImportCounts {
  readonly nodes: number;
  readonly relationships: number;
}

/** Problems shown in an error message; all of them are in the error's `details.problems`. */
const SHOWN_PROBLEMS = 50;

/**
 * Imports a parsed `claimgraph-export/1` document: checks the whole document, then every end
 * node it does not hold and every id it does against the database (an id held under another
 * label would become a second node), and only then writes it in one transaction. Refuses with
 * BAD_USER_INPUT naming each bad record; nothing is written then. `source` prefixes problems.
 * Stored records the file would change are refused (CONFLICT) unless `options.correction`.
 */
export async function importGraphDocument(
  executor: Executor,
  document: unknown,
  options: ImportOptions = {},
  source?: string,
): Promise<ImportReport> {
  const check = checkImportDocument(document);
  if (!check.ok) throw refused(check.problems, source);

  const fileLabels = new Map(check.nodes.map((node) => [node.id, node.labels[0]!]));
  const outside = new Set(
    check.relationships
      .flatMap((relationship) => [relationship.from, relationship.to])
      .filter((id) => !fileLabels.has(id)),
  );
  const inDatabase = await findNodeLabels(executor, [...fileLabels.keys(), ...outside]);
  const problems: ImportProblem[] = [];
  for (const node of check.nodes) {
    const held = inDatabase.get(node.id);
    if (held && !held.includes(node.labels[0]!)) {
      problems.push({
        record: node.record,
        field: 'labels',
        message: `the database holds "${node.id}" as ${held.join(', ')}; importing it as ${node.labels[0]} would make a second node with that id`,
      });
    }
  }
  const relationships: ImportRelationship[] = [];
  for (const { record, ...relationship } of check.relationships) {
    const labelOf = (end: 'from' | 'to') => {
      const id = relationship[end];
      const label = fileLabels.get(id) ?? inDatabase.get(id)?.[0];
      if (!label) {
        problems.push({
          record,
          field: end,
          message: `no node "${id}" in the file or the database`,
        });
      }
      return label;
    };
    const fromLabel = labelOf('from');
    const toLabel = labelOf('to');
    if (fromLabel && toLabel) relationships.push({ ...relationship, fromLabel, toLabel });
  }
  if (problems.length > 0) throw refused(problems, source);

  const nodes = check.nodes.map(({ record: _record, ...node }) => node);
  const counts = await writeImportPlan(executor, { nodes, relationships }, options);
  return { ...counts, nodes: nodes.length, relationships: relationships.length };
}

/** Reads a JSON export file and imports it (see importGraphDocument). */
export async function importGraphFile(
  executor: Executor,
  file: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const displayFile = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${displayFile}: cannot read the file (${describe(error)}).`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${displayFile}: not valid JSON (${describe(error)}); nothing was written.`,
    );
  }
  return importGraphDocument(executor, document, options, displayFile);
}

function refused(problems: readonly ImportProblem[], source: string | undefined): AppError {
  const prefix = source ? `${source}: ` : '';
  const shown = problems
    .slice(0, SHOWN_PROBLEMS)
    .map((problem) => `${prefix}${formatImportProblem(problem)}`);
  const more =
    problems.length > SHOWN_PROBLEMS ? [`… and ${problems.length - SHOWN_PROBLEMS} more`] : [];
  return new AppError(
    'BAD_USER_INPUT',
    `The import file has ${problems.length} problem(s); nothing was written:\n${[...shown, ...more].join('\n')}`,
    { problems },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
