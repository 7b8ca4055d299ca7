import { z } from 'zod';

/**
 * The seed format (seeds/README.md explains it for editors). This zod schema is the single
 * definition: the loader validates with it and seeds/seed.schema.json is generated from it.
 * Cross-record rules (references resolve, quotes match their offsets) live in validateSeedSet.ts.
 */

/** No lone UTF-16 surrogates: Neo4j stores text as UTF-8 and would turn them into U+FFFD. */
export const isWellFormedText = (text: string): boolean => !/\p{Cs}/u.test(text);
const wellFormed = 'must be valid Unicode text (it holds a lone surrogate)';

/** A name, title, cue or unit: one line. */
const shortText = z.string().min(1).max(500).refine(isWellFormedText, wellFormed);
/** A claim text, quote, description or note. */
const longText = z.string().min(1).max(10_000).refine(isWellFormedText, wellFormed);

/** A character offset (UTF-16, JavaScript semantics) into a source text. */
const offset = z.number().int().min(0);

/**
 * Draft-only: how sure an extractor is of a proposed item, 0..1. Hand-curated sets leave it out.
 * The loader stores it on attributions only (Attribution.confidence); elsewhere it is read by the
 * editor's desk, not stored.
 */
const confidence = z
  .number()
  .min(0)
  .max(1)
  .describe("Draft-only: the extractor's confidence in this item, 0..1.")
  .optional();

/**
 * Draft-only: a span of the article text that led an extractor to propose an item, with the rule
 * that fired. Not stored by seed loads. Offsets are checked against the text in validateSeedSet.ts.
 */
export const evidenceSchema = z
  .object({
    rule: z
      .string()
      .min(1)
      .max(200)
      .refine(isWellFormedText, wellFormed)
      .describe("The extractor's rule that fired, e.g. 'frame:X-said-that'."),
    start: offset.describe('Offset where the evidence starts in the article text.'),
    end: offset.describe('Offset just past its end (not before start).'),
    note: longText.optional(),
  })
  .strict();

/** Draft-only: the evidence for an item, read by the editor's desk, not stored by seed loads. */
const evidence = z.array(evidenceSchema).max(1000).optional();

const id = (prefix: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}-[a-z0-9]+(-[a-z0-9]+)*$`),
      `must look like "${prefix}-some-name" (lowercase letters, digits and dashes)`,
    )
    .max(200);

/** A time expression: what the text says, what it resolves to, how precisely, and why. */
export const timeSchema = z
  .object({
    raw: shortText
      .nullable()
      .default(null)
      .describe('The expression as written, or null (or left out) if inferred.'),
    value: z
      .string()
      .regex(
        /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/,
        'must be ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or a range START/END',
      )
      .describe('ISO 8601 date, month, year or START/END range.'),
    precision: z.enum(['day', 'month', 'quarter', 'season', 'year', 'range']),
    basis: longText.describe('How the value was resolved.'),
  })
  .strict();

export const stances = [
  'asserts',
  'reports',
  'confirms',
  'denies',
  'disputes',
  'suspects',
  'expects',
] as const;

export const actorKinds = [
  'person',
  'organisation',
  'state',
  'media-outlet',
  'unnamed-group',
] as const;

export const sourceKinds = [
  'article',
  'news-report',
  'report',
  'speech',
  'statement',
  'interview',
  'court-filing',
  'unknown',
] as const;

export const eventKinds = [
  'speech',
  'report-release',
  'election',
  'cyber-operation',
  'legislation',
  'regulation',
  'announcement',
  'decision',
  'other',
] as const;

/**
 * Whether a record is one already in the graph (its id is then the existing id) or a proposed new
 * one, and why. A record marked `existing` is a reference: loads do not write it (nor its own
 * fields' links, except the citations and claims a source is reported to carry), they check that
 * it exists. Extractors and the editor's desk set it; hand-curated sets leave it out.
 */
export const resolutionSchema = z
  .object({
    status: z
      .enum(['existing', 'new'])
      .describe(
        'existing: the id is that of a node in the graph, not written again; new: a proposed record.',
      ),
    reason: longText.describe('Why, e.g. which alias matched or why nothing matched.'),
    score: z.number().min(0).max(1).describe('How good the match is, 0..1.'),
  })
  .strict();

/** Kept under its first name: actors were the first records to carry a resolution. */
export const actorResolutionSchema = resolutionSchema;

const resolution = resolutionSchema.optional();

/**
 * A confirmed copy link: the source reproduces passages of `original` (docs/reuse.md), each
 * passage with its offsets in the copier's text (`start`, `end`) and in the original's.
 */
export const copySchema = z
  .object({
    original: id('src'),
    passages: z
      .array(
        z
          .object({
            start: offset.describe("Offset where the passage starts in this source's text."),
            end: offset.describe('Offset just past its end.'),
            originalStart: offset.describe("Offset where it starts in the original's text."),
            originalEnd: offset.describe('Offset just past its end there.'),
            words: z.number().int().min(1),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
    shareOfCopier: z.number().min(0).max(1),
    shareOfOriginal: z.number().min(0).max(1),
    notes: longText.optional(),
  })
  .strict();

const sourceSchema = z
  .object({
    id: id('src'),
    kind: z.enum(sourceKinds),
    title: shortText,
    publisher: id('act').optional(),
    published: timeSchema.optional(),
    textFile: shortText.optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .refine(isWellFormedText, wellFormed)
      .optional(),
    primary: z.boolean().default(false),
    cites: z.array(id('src')).default([]),
    carries: z.array(id('clm')).default([]),
    copies: z
      .array(copySchema)
      .max(100)
      .default([])
      .describe('Confirmed copy links: sources whose passages this one reproduces.'),
    notes: longText.optional(),
    confidence,
    evidence,
    resolution,
  })
  .strict();

const affiliationSchema = z
  .object({
    organisation: id('act'),
    role: shortText,
    time: timeSchema.optional(),
  })
  .strict();

const actorSchema = z
  .object({
    id: id('act'),
    kind: z.enum(actorKinds),
    name: shortText,
    aliases: z.array(shortText).max(100).default([]),
    anonymous: z.boolean().default(false),
    description: longText.optional(),
    claimedAffiliation: longText.optional(),
    country: id('act').optional(),
    stateAffiliation: id('act').optional(),
    ownedBy: id('act').optional(),
    affiliations: z.array(affiliationSchema).default([]),
    notes: longText.optional(),
    confidence,
    evidence,
    resolution,
  })
  .strict();

const quantitySchema = z
  .object({
    raw: shortText,
    value: z.number().finite(),
    unit: shortText,
    kind: z.enum(['count', 'percentage', 'money', 'other']),
    change: z
      .object({
        raw: shortText,
        value: z.number().finite(),
        unit: shortText,
        basis: shortText,
      })
      .strict()
      .optional(),
    confidence,
    evidence,
  })
  .strict();

const claimSchema = z
  .object({
    id: id('clm'),
    text: longText,
    topics: z
      .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case topic'))
      .default([]),
    refersTo: timeSchema.optional(),
    quantities: z.array(quantitySchema).default([]),
    events: z.array(id('evt')).default([]),
    notes: longText.optional(),
    confidence,
    evidence,
    resolution,
  })
  .strict();

/**
 * The words inside the quotation marks of a direct (or mixed) attribution, with their own
 * offsets: a span of the source text within the attribution's quote.
 */
export const quotedWordsSchema = z
  .object({
    text: longText.describe('The words between the quotation marks, verbatim.'),
    start: offset.describe('Offset where they start in the source text.'),
    end: offset.describe('Offset just past their end.'),
  })
  .strict();

const attributionSchema = z
  .object({
    id: id('att'),
    actor: id('act'),
    claim: id('clm'),
    source: id('src'),
    stance: z.enum(stances),
    quote: longText,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    cue: shortText,
    speech: z.enum(['direct', 'indirect']),
    quotedWords: z
      .array(quotedWordsSchema)
      .max(100)
      .default([])
      .describe(
        'Direct speech only: the words inside quotation marks, each a span within the quote, in order.',
      ),
    figures: z
      .array(quantitySchema)
      .max(100)
      .default([])
      .describe(
        "The figures as this attribution's own source states them, when the claim it is about was recorded from another source (the desk keeps them, so sources that disagree can be flagged).",
      ),
    said: timeSchema.optional(),
    event: id('evt').optional(),
    notes: longText.optional(),
    confidence,
    evidence,
  })
  .strict();

const claimRelationSchema = z
  .object({
    from: id('clm'),
    type: z.enum(['supports', 'contradicts', 'responds-to']),
    to: id('clm'),
    notes: longText.optional(),
    confidence,
    evidence,
  })
  .strict();

const eventSchema = z
  .object({
    id: id('evt'),
    name: shortText,
    kind: z.enum(eventKinds),
    time: timeSchema.optional(),
    place: shortText.optional(),
    participants: z.array(z.object({ actor: id('act'), role: shortText }).strict()).default([]),
    notes: longText.optional(),
    confidence,
    evidence,
  })
  .strict();

/**
 * Draft-only: which extractor wrote a draft set, and about which article. Read by the editor's
 * desk, not stored by seed loads.
 */
export const extractionSchema = z
  .object({
    extractor: shortText.describe('The extractor that wrote the draft.'),
    version: shortText.describe("The extractor's version."),
    published: z.iso
      .date('must be a date YYYY-MM-DD')
      .describe('The publication date relative times were resolved against, YYYY-MM-DD.')
      .optional(),
    notes: longText.optional(),
  })
  .strict();

/** One seed file, as parsed and defaulted. */
export const seedSetSchema = z
  .object({
    format: z.literal('claimgraph-seed/1'),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    description: z.string().optional(),
    enteredBy: z.string().min(1),
    extraction: extractionSchema.optional(),
    sources: z.array(sourceSchema).default([]),
    actors: z.array(actorSchema).default([]),
    claims: z.array(claimSchema).default([]),
    attributions: z.array(attributionSchema).default([]),
    claimRelations: z.array(claimRelationSchema).default([]),
    events: z.array(eventSchema).default([]),
  })
  .strict();

export type SeedSet = z.infer<typeof seedSetSchema>;
export type SeedTime = z.infer<typeof timeSchema>;
export type SeedSource = z.infer<typeof sourceSchema>;
export type SeedActor = z.infer<typeof actorSchema>;
export type SeedClaim = z.infer<typeof claimSchema>;
export type SeedAttribution = z.infer<typeof attributionSchema>;
export type SeedEvent = z.infer<typeof eventSchema>;
export type SeedClaimRelation = z.infer<typeof claimRelationSchema>;
export type SeedQuotedWords = z.infer<typeof quotedWordsSchema>;
export type SeedEvidence = z.infer<typeof evidenceSchema>;
export type SeedActorResolution = z.infer<typeof actorResolutionSchema>;
export type SeedResolution = z.infer<typeof resolutionSchema>;
export type SeedQuantity = z.infer<typeof quantitySchema>;
export type SeedCopy = z.infer<typeof copySchema>;
export type SeedExtraction = z.infer<typeof extractionSchema>;
