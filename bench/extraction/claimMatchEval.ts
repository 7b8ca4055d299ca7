/**
 * The claim-matching eval: every proposed claim of claim-pairs/pairs.yaml is ranked by
 * rankClaimMatches against the whole pool (the curated claims of the seed and of the dev golds),
 * and the outcome is compared with the one the pair expects. In production a full-text query in
 * the database picks the candidates first; here the matcher sees all of the pool, which is the
 * harder test. claim-pairs/README.md describes the data and the kinds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../../src/config/config.js';
import {
  rankClaimMatches,
  type ClaimMatchProposal,
  type MatchableClaim,
} from '../../src/desk/matching/claimMatching.js';
import type { KnownActor } from '../../src/extract/articleInput.js';
import { seedSetSchema, timeSchema } from '../../src/ingest/seedFormat.js';

/** The kinds of pair: what the proposed claim is to its pool claim. */
export const pairKinds = [
  'paraphrase',
  'other-year',
  'other-figure',
  'reversed-or-negated',
  'unrelated',
] as const;

/** One kind of pair. */
export type PairKind = (typeof pairKinds)[number];

const quantitySchema = z
  .object({
    raw: z.string(),
    value: z.number(),
    unit: z.string(),
    kind: z.enum(['count', 'percentage', 'money', 'other']),
    change: z
      .object({ raw: z.string(), value: z.number(), unit: z.string(), basis: z.string() })
      .strict()
      .optional(),
  })
  .strict();

const pairSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    kind: z.enum(pairKinds),
    expected: z.string().optional(),
    near: z.string().optional(),
    note: z.string().optional(),
    proposed: z
      .object({
        text: z.string().min(1),
        quantities: z.array(quantitySchema).default([]),
        refersTo: timeSchema.partial({ basis: true, raw: true }).optional(),
      })
      .strict(),
  })
  .strict()
  .refine((pair) => (pair.kind === 'paraphrase') === (pair.expected !== undefined), {
    message: 'a paraphrase has `expected`, the other kinds do not',
  })
  .refine((pair) => pair.kind !== 'other-figure' || pair.near !== undefined, {
    message: 'an other-figure pair names its `near` claim',
  });

const pairsFileSchema = z
  .object({ format: z.literal('claim-pairs/1'), pairs: z.array(pairSchema) })
  .strict();

/** One proposed claim with the outcome it should have. */
export type ClaimPair = z.infer<typeof pairSchema>;

/** Where the pairs are. */
export const defaultPairsFile = path.join(projectRoot, 'bench/extraction/claim-pairs/pairs.yaml');

/** The pool's seed files: the seed's curated claims and the dev golds. */
export function defaultPoolFiles(): string[] {
  const devDir = path.join(projectRoot, 'bench/extraction/dev');
  return [
    path.join(projectRoot, 'seeds/cncert-2019.seed.yaml'),
    ...readdirSync(devDir)
      .filter((file) => file.endsWith('.gold.yaml'))
      .sort()
      .map((file) => path.join(devDir, file)),
  ];
}

/** The graph the pairs are matched against: its claims and its actors. */
export interface ClaimPool {
  readonly claims: readonly MatchableClaim[];
  /** Every actor of the pool files; one actor in several files gets the aliases of all. */
  readonly knownActors: readonly KnownActor[];
}

/** Reads the pool's seed files (the seed format, parsed with its schema). */
export function loadClaimPool(files: readonly string[] = defaultPoolFiles()): ClaimPool {
  const claims: MatchableClaim[] = [];
  const actors = new Map<string, KnownActor>();
  for (const file of files) {
    const seedSet = seedSetSchema.parse(parse(readFileSync(file, 'utf8')));
    // A claim marked existing is a reference to another file's claim (a follow-up article's gold
    // points at the seed's): the pool holds each claim once, as curated where it is defined.
    for (const claim of seedSet.claims.filter((c) => c.resolution?.status !== 'existing'))
      claims.push({
        id: claim.id,
        text: claim.text,
        quantities: claim.quantities,
        refersTo: claim.refersTo,
      });
    for (const actor of seedSet.actors) {
      const known = actors.get(actor.id);
      const aliases = [...new Set([...(known?.aliases ?? []), ...actor.aliases])];
      actors.set(actor.id, {
        id: actor.id,
        kind: actor.kind,
        name: known?.name ?? actor.name,
        aliases,
        anonymous: actor.anonymous,
      });
    }
  }
  return { claims, knownActors: [...actors.values()] };
}

/** Reads and checks the pairs file; every pool id it names must exist. */
export function loadClaimPairs(pool: ClaimPool, file = defaultPairsFile): ClaimPair[] {
  const { pairs } = pairsFileSchema.parse(parse(readFileSync(file, 'utf8')));
  const ids = new Set(pool.claims.map((claim) => claim.id));
  const seen = new Set<string>();
  for (const pair of pairs) {
    if (seen.has(pair.id)) throw new Error(`pair ${pair.id} appears twice`);
    seen.add(pair.id);
    for (const id of [pair.expected, pair.near])
      if (id !== undefined && !ids.has(id)) throw new Error(`pair ${pair.id}: no pool claim ${id}`);
  }
  return pairs;
}

/** A proposal as the report shows it. */
export interface ProposalView {
  readonly claimId: string;
  readonly tier: 'match' | 'suggestion';
  readonly score: number;
  readonly reason: string;
}

/** A pair whose outcome was not the expected one. */
export interface PairFailure {
  readonly id: string;
  readonly kind: PairKind;
  /** The expected claim (paraphrase) or the near one. */
  readonly target: string | null;
  readonly problem: string;
  /** The first three proposals. */
  readonly returned: readonly ProposalView[];
}

/** How one kind did. */
export interface KindResult {
  readonly cases: number;
  /** Outcome as expected (see README.md for each kind). */
  readonly passed: number;
  /** Cases whose first proposal is a match. */
  readonly topMatch: number;
}

/** Everything the claim-matching eval measured. */
export interface ClaimMatchingResults {
  readonly poolClaims: number;
  readonly knownActors: number;
  readonly pairs: number;
  /** Right matches / cases whose first proposal is a match; null with no match at all. */
  readonly matchPrecision: number | null;
  readonly matchesRight: number;
  readonly matchesMade: number;
  /** Paraphrases matched to their claim / paraphrases. */
  readonly paraphraseRecall: number | null;
  /** Paraphrase and other-figure cases with their claim among the first three / those cases. */
  readonly top3Rate: number | null;
  readonly top3Hits: number;
  readonly top3Cases: number;
  readonly byKind: Readonly<Record<PairKind, KindResult>>;
  readonly failures: readonly PairFailure[];
}

const view = (proposal: ClaimMatchProposal): ProposalView => ({
  claimId: proposal.claimId,
  tier: proposal.tier,
  score: proposal.score,
  reason: proposal.reason,
});

/** What went wrong with one pair, or null when its outcome is the expected one. */
function problemOf(pair: ClaimPair, proposals: readonly ClaimMatchProposal[]): string | null {
  const top = proposals[0];
  const match = top?.tier === 'match' ? top : undefined;
  const target = pair.expected ?? pair.near;
  const inTop3 = proposals.slice(0, 3).find((proposal) => proposal.claimId === target);
  if (pair.kind === 'paraphrase') {
    if (match?.claimId === pair.expected) return null;
    if (match) return `matched another claim (${match.claimId})`;
    return inTop3 ? 'no match (the claim is a suggestion)' : 'no match, and not in the first three';
  }
  if (match) return `matched ${match.claimId}`;
  if (pair.kind === 'other-figure') {
    if (!inTop3) return 'the near claim is not among the first three';
    if (inTop3.figureDifferences.length === 0) return 'no figure difference reported';
  }
  return null;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/** Runs the matcher on every pair against the whole pool and scores the outcomes. */
export function evaluateClaimMatching(
  options: { readonly pairsFile?: string; readonly poolFiles?: readonly string[] } = {},
): ClaimMatchingResults {
  const pool = loadClaimPool(options.poolFiles);
  const pairs = loadClaimPairs(pool, options.pairsFile);
  const byKind = Object.fromEntries(
    pairKinds.map((kind) => [kind, { cases: 0, passed: 0, topMatch: 0 }]),
  ) as Record<PairKind, { cases: number; passed: number; topMatch: number }>;
  const failures: PairFailure[] = [];
  let matchesMade = 0;
  let matchesRight = 0;
  let top3Cases = 0;
  let top3Hits = 0;
  pairs.forEach((pair, i) => {
    const proposed: MatchableClaim = {
      id: `clm-proposed-${i + 1}`,
      text: pair.proposed.text,
      quantities: pair.proposed.quantities,
      refersTo: pair.proposed.refersTo,
    };
    const proposals = rankClaimMatches(proposed, pool.claims, { knownActors: pool.knownActors });
    const kind = byKind[pair.kind];
    kind.cases += 1;
    const top = proposals[0];
    if (top?.tier === 'match') {
      kind.topMatch += 1;
      matchesMade += 1;
      if (pair.expected !== undefined && top.claimId === pair.expected) matchesRight += 1;
    }
    if (pair.kind === 'paraphrase' || pair.kind === 'other-figure') {
      top3Cases += 1;
      const target = pair.expected ?? pair.near;
      if (proposals.slice(0, 3).some((proposal) => proposal.claimId === target)) top3Hits += 1;
    }
    const problem = problemOf(pair, proposals);
    if (problem === null) kind.passed += 1;
    else
      failures.push({
        id: pair.id,
        kind: pair.kind,
        target: pair.expected ?? pair.near ?? null,
        problem,
        returned: proposals.slice(0, 3).map(view),
      });
  });
  return {
    poolClaims: pool.claims.length,
    knownActors: pool.knownActors.length,
    pairs: pairs.length,
    matchPrecision: ratio(matchesRight, matchesMade),
    matchesRight,
    matchesMade,
    paraphraseRecall: ratio(byKind.paraphrase.passed, byKind.paraphrase.cases),
    top3Rate: ratio(top3Hits, top3Cases),
    top3Hits,
    top3Cases,
    byKind,
    failures,
  };
}
