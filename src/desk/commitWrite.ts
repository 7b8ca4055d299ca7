import type { WriteScope } from '../db/executor.js';
import { extractorName } from '../extract/buildDraft.js';
import { existingNodes } from '../db/existingNodes.js';
import { Label } from '../db/graphVocabulary.js';
import type { WriteCounts, WriteOptions } from '../db/writeGraphPlan.js';
import { AppError } from '../errors/appError.js';
import { writeValidSeedSet } from '../ingest/loadSeedFile.js';
import type { SeedSet } from '../ingest/seedFormat.js';
import {
  formatSeedProblem,
  validateSeedData,
  type SourceTextReader,
} from '../ingest/validateSeedSet.js';
import { collisionRenames, newRecordIds } from './commitIds.js';
import { renameIds } from './renameIds.js';

/** `claimgraph-rules 0.1.0`: the extractor that proposed a draft, from its extraction block. */
export function extractedBy(extracted: SeedSet): string {
  const extraction = extracted.extraction;
  return extraction ? `${extraction.extractor} ${extraction.version}` : extractorName;
}

/** Who commits, through what, and how colliding ids are told apart. */
export interface CommitStamp {
  readonly editor: string;
  /** `desk:<draft id>`, stamped as enteredVia on everything written. */
  readonly deskVia: string;
  /** The extractor and version that proposed the data. */
  readonly extractedBy: string;
  /** Suffix for ids the graph already holds for something else. */
  readonly draftKey: string;
  /** Given: records of an earlier commit of the same set that it changes are corrected. */
  readonly correction?: WriteOptions['correction'];
}

/** What a commit wrote. */
export interface CommitResult {
  readonly seedSet: SeedSet;
  readonly counts: WriteCounts;
  readonly renames: Map<string, string>;
}

/**
 * The desk's write, inside the caller's transaction: rename new ids the graph holds for other
 * data, validate like a seed file (same rules, same messages), then write through the seed
 * loader's path. BAD_USER_INPUT lists every problem; nothing is written.
 */
export async function writeCommit(
  scope: WriteScope,
  planned: SeedSet,
  readSourceText: SourceTextReader,
  stamp: CommitStamp,
): Promise<CommitResult> {
  const renames = await renamesFor(scope, planned, stamp);
  const seedSet = renameIds(planned, renames);
  const validation = validateSeedData(stamp.deskVia, seedSet, readSourceText);
  if (!validation.ok)
    throw new AppError(
      'BAD_USER_INPUT',
      `The draft has ${validation.problems.length} problem(s); nothing was written:\n` +
        validation.problems.map(formatSeedProblem).join('\n'),
      { problems: validation.problems },
    );
  const counts = await writeValidSeedSet(
    scope,
    validation.value,
    { enteredBy: stamp.editor, enteredVia: stamp.deskVia, extractedBy: stamp.extractedBy },
    stamp.correction ? { correction: stamp.correction } : {},
  );
  return { seedSet: validation.value.seedSet, counts, renames };
}

async function renamesFor(
  scope: WriteScope,
  seedSet: SeedSet,
  stamp: CommitStamp,
): Promise<Map<string, string>> {
  const ids = newRecordIds(seedSet);
  const takenBy = new Map<string, string>();
  for (const [label, list] of [
    [Label.Source, ids.sources],
    [Label.Actor, ids.actors],
    [Label.Claim, ids.claims],
    [Label.Attribution, ids.attributions],
  ] as const) {
    for (const [id, node] of await existingNodes(scope, label, list))
      takenBy.set(id, String(node.enteredVia));
  }
  return collisionRenames(
    [...ids.sources, ...ids.actors, ...ids.claims, ...ids.attributions],
    takenBy,
    stamp.deskVia,
    stamp.draftKey,
  );
}
