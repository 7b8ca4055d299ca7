import type { Caller } from '../auth/apiKeys.js';
import type { Executor } from '../db/executor.js';
import { Label } from '../db/graphVocabulary.js';
import { reuseSources } from '../db/reuseQueries.js';
import { AppError } from '../errors/appError.js';
import { planSeedLoad } from '../ingest/planSeedLoad.js';
import { sourceKinds, type SeedSet } from '../ingest/seedFormat.js';
import { formatSeedProblem, validateSeedData } from '../ingest/validateSeedSet.js';
import { alignPassages } from '../reuse/alignPassages.js';
import { writeRecords } from './writeRecords.js';

/**
 * Confirms a copy link: `copierId` reproduces passages of `originalId`. The passages are computed
 * from the two stored texts (never taken from the caller) and stored as the link's evidence,
 * through the seed format's validation and the one write path. Idempotent.
 */
export async function recordCopy(
  executor: Executor,
  caller: Caller,
  copierId: string,
  originalId: string,
): Promise<{ copierId: string; originalId: string }> {
  if (copierId === originalId)
    throw new AppError('BAD_USER_INPUT', 'originalId: a source cannot copy itself', {
      field: 'originalId',
    });
  const sources = await reuseSources(executor, [copierId, originalId]);
  const copier = sources.get(copierId);
  const original = sources.get(originalId);
  if (!copier)
    throw new AppError('NOT_FOUND', `No source has id "${copierId}".`, { field: 'copierId' });
  if (!original)
    throw new AppError('NOT_FOUND', `No source has id "${originalId}".`, { field: 'originalId' });
  for (const [field, source] of [
    ['copierId', copier],
    ['originalId', original],
  ] as const)
    if (!source.text)
      throw new AppError(
        'BAD_USER_INPUT',
        `${field}: source "${source.id}" has no text to compare`,
        {
          field,
        },
      );
  const alignment = alignPassages(copier.text!, original.text!);
  if (alignment.passages.length === 0)
    throw new AppError(
      'BAD_USER_INPUT',
      `The texts of "${copierId}" and "${originalId}" share no passage long enough to be a copy.`,
      { field: 'originalId' },
    );
  const reference = (source: typeof copier) => ({
    id: source.id,
    kind: (sourceKinds as readonly string[]).includes(source.kind)
      ? (source.kind as SeedSet['sources'][number]['kind'])
      : 'unknown',
    title: source.title,
    primary: false,
    cites: [],
    carries: [],
    resolution: { status: 'existing' as const, reason: 'a source of the graph', score: 1 },
  });
  const validation = validateSeedData(
    'mutation:recordCopy',
    {
      format: 'claimgraph-seed/1',
      id: 'mutation',
      enteredBy: caller.name,
      sources: [
        {
          ...reference(copier),
          copies: [
            {
              original: originalId,
              passages: alignment.passages.map((passage) => ({
                start: passage.a.start,
                end: passage.a.end,
                originalStart: passage.b.start,
                originalEnd: passage.b.end,
                words: passage.words,
              })),
              shareOfCopier: round(alignment.shareOfA),
              shareOfOriginal: round(alignment.shareOfB),
            },
          ],
        },
        reference(original),
      ],
    },
    () => undefined,
  );
  if (!validation.ok)
    throw new AppError('BAD_USER_INPUT', validation.problems.map(formatSeedProblem).join('\n'), {
      problems: validation.problems,
    });
  await writeRecords(executor, caller, {
    mutation: 'recordCopy',
    plan: planSeedLoad(validation.value),
    references: [
      { field: 'copierId', label: Label.Source, id: copierId },
      { field: 'originalId', label: Label.Source, id: originalId },
    ],
  });
  return { copierId, originalId };
}

function round(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}
