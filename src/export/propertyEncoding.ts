import { AppError } from '../errors/appError.js';
import type { ExportProperties, ExportValue } from './exportFormat.js';

const integerTypes = new Set(['INTEGER NOT NULL', 'LIST<INTEGER NOT NULL> NOT NULL']);

/** A record's properties as the export writes them, with the keys that hold Neo4j INTEGERs. */
export interface EncodedProperties {
  readonly properties: ExportProperties;
  readonly integerProperties: string[];
}

/**
 * Encodes properties read from Neo4j for the export. `typed` holds `[key, Neo4j value type]`
 * for every property that is not a string, float, boolean or list of them: INTEGERs are kept
 * as numbers and listed in `integerProperties`; any other type (dates, points, bytes…), a
 * non-finite float or an integer beyond ±2^53 cannot round-trip, so it is refused by name.
 * Keys come out sorted, so two exports of the same graph are byte-identical but for the time.
 */
export function encodeProperties(
  owner: string,
  properties: Record<string, unknown>,
  typed: readonly (readonly [string, string])[],
): EncodedProperties {
  const typeOf = new Map(typed);
  const integerProperties: string[] = [];
  const encoded: Record<string, ExportValue> = {};
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    const type = typeOf.get(key);
    const refuse = (why: string) => {
      throw new AppError(
        'INTERNAL',
        `Cannot export ${owner}: property "${key}" ${why}; the export format carries strings, ` +
          'numbers, booleans and lists of them only.',
      );
    };
    if (type !== undefined) {
      if (!integerTypes.has(type)) refuse(`has the Neo4j type ${type}`);
      const numbers = Array.isArray(value) ? (value as unknown[]) : [value];
      if (!numbers.every((n) => typeof n === 'number' && Number.isSafeInteger(n))) {
        refuse('holds an integer beyond ±2^53');
      }
      integerProperties.push(key);
    } else {
      const items = Array.isArray(value) ? (value as unknown[]) : [value];
      if (items.some((item) => typeof item === 'number' && !Number.isFinite(item))) {
        refuse('holds NaN or an infinite number');
      }
    }
    encoded[key] = value as ExportValue;
  }
  return { properties: encoded, integerProperties };
}
