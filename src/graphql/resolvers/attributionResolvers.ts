import type { AttributionRow } from '../../db/graphReader.js';
import { Label } from '../../db/graphVocabulary.js';
import { isRetracted, retractionOf } from '../../domain/retraction.js';
import type { GraphQLContext } from '../context.js';
import { provenance, timeExpression } from './shared.js';

/** Resolvers of type Attribution: its four ends come from ids the attribution row carries. */
export const attributionResolvers = {
  actor: (a: AttributionRow, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Actor).load(a.actorId),
  claim: (a: AttributionRow, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Claim).load(a.claimId),
  source: (a: AttributionRow, _: unknown, { loaders }: GraphQLContext) =>
    loaders.node(Label.Source).load(a.sourceId),
  event: (a: AttributionRow, _: unknown, { loaders }: GraphQLContext) =>
    a.eventId ? loaders.node(Label.Event).load(a.eventId) : null,
  said: (a: AttributionRow) => timeExpression(a, 'said'),
  quotedWords,
  figures: attributionFigures,
  confidence: (a: AttributionRow) => (typeof a.confidence === 'number' ? a.confidence : null),
  provenance,
  retracted: (a: AttributionRow) => isRetracted(a),
  retraction: (a: AttributionRow) => retractionOf(a),
};

/**
 * The quoted words, zipped from the parallel lists `quotedWordsText`, `quotedWordsStart` and
 * `quotedWordsEnd` (src/ingest/planSeedLoad.ts); absent lists (indirect speech) give [].
 */
export function quotedWords(a: Record<string, unknown>) {
  const list = (key: string): unknown[] => (Array.isArray(a[key]) ? (a[key] as unknown[]) : []);
  const texts = list('quotedWordsText');
  const starts = list('quotedWordsStart');
  const ends = list('quotedWordsEnd');
  return texts.map((text, i) => ({ text, start: starts[i], end: ends[i] }));
}

/**
 * The attribution's own figures, zipped from `figuresRaw`, `figuresValue`, `figuresUnit` and
 * `figuresKind` (src/ingest/planSeedLoad.ts), shaped like Quantity nodes; [] when it has none.
 */
export function attributionFigures(a: Record<string, unknown>) {
  const list = (key: string): unknown[] => (Array.isArray(a[key]) ? (a[key] as unknown[]) : []);
  const values = list('figuresValue');
  const units = list('figuresUnit');
  const kinds = list('figuresKind');
  return list('figuresRaw').map((raw, i) => ({
    raw: String(raw),
    value: Number(values[i]),
    unit: String(units[i]),
    kind: String(kinds[i] ?? 'other'),
  }));
}
