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
    raw: shortText.nullable().describe('The expression as written, or null if inferred.'),
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
    notes: longText.optional(),
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
    said: timeSchema.optional(),
    event: id('evt').optional(),
    notes: longText.optional(),
  })
  .strict();

const claimRelationSchema = z
  .object({
    from: id('clm'),
    type: z.enum(['supports', 'contradicts', 'responds-to']),
    to: id('clm'),
    notes: longText.optional(),
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
  })
  .strict();

/** One seed file, as parsed and defaulted. */
export const seedSetSchema = z
  .object({
    format: z.literal('claimgraph-seed/1'),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    description: z.string().optional(),
    enteredBy: z.string().min(1),
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
