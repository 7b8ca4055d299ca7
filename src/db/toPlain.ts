import neo4j from 'neo4j-driver';

/**
 * Converts a value read from Neo4j into plain JSON-friendly JavaScript: Integers become
 * numbers (ids and counts here stay far below 2^53), temporal values become ISO strings,
 * nodes become their properties. Nothing above src/db sees driver types.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.toNumber();
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, toPlain(inner)]),
    );
  }
  return value;
}
