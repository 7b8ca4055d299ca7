/**
 * CSV cells for `neo4j-admin database import full` (RFC 4180, as the importer reads it with its
 * defaults: `,` between fields, `"` quotes doubled inside a quoted field, no backslash escapes,
 * strings not trimmed, `""` an empty string and an empty unquoted field no value). Pure.
 *
 * Array elements are separated by `arrayDelimiter` (the importer's `--array-delimiter`). A value
 * the importer cannot be trusted to read back exactly (an empty list, a list element that is empty,
 * holds the delimiter or has surrounding spaces, -0) is not a cell: `cellType` answers undefined
 * and the caller sets it through Cypher after the import instead.
 */

/** A property value of a bulk row: what a write plan stores (`StoredValue`) or boolean lists. */
export type CellValue = string | number | boolean | string[] | number[] | boolean[];

/** The importer's column types the bulk path writes (`long` is a Neo4j INTEGER). */
export type CellType =
  'string' | 'double' | 'long' | 'boolean' | 'string[]' | 'double[]' | 'boolean[]';

/** U+001F (unit separator) between array elements: no text of the graph holds it. */
export const arrayDelimiter = '\u001f';

/** How the importer's `--array-delimiter` names it. */
export const arrayDelimiterOption = 'U+001F';

/**
 * The column type a value is written as, or undefined when it cannot be written as a cell.
 * Numbers are FLOATs (`double`), as neo4j-driver sends JavaScript numbers; `integer` marks a
 * property that is a Neo4j INTEGER (a Cypher literal in the online loader, e.g. `revision`).
 */
export function cellType(value: CellValue, integer = false): CellType | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) return undefined;
    if (integer) return Number.isSafeInteger(value) ? 'long' : undefined;
    return 'double';
  }
  if (value.length === 0) return undefined;
  const items = value as readonly unknown[];
  if (items.every((item) => typeof item === 'string')) {
    const fits = (item: string) =>
      item.length > 0 && !item.includes(arrayDelimiter) && item.trim() === item;
    return (items as string[]).every(fits) ? 'string[]' : undefined;
  }
  if (items.every((item) => typeof item === 'number')) {
    const fits = (item: number) => Number.isFinite(item) && !Object.is(item, -0);
    return (items as number[]).every(fits) && !integer ? 'double[]' : undefined;
  }
  if (items.every((item) => typeof item === 'boolean')) return 'boolean[]';
  return undefined;
}

/** A string as a quoted field: always quoted, inner quotes doubled. */
export function quoteField(text: string): string {
  // Most texts hold no quote: skip the replace (it is on every cell of a bulk load).
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** The cell text of a value of the given type (from cellType); strings are always quoted. */
export function cellText(value: CellValue, type: CellType): string {
  switch (type) {
    case 'string':
      return quoteField(value as string);
    case 'double':
    case 'long':
    case 'boolean':
      return String(value);
    case 'string[]':
      return quoteField((value as string[]).join(arrayDelimiter));
    case 'double[]':
    case 'boolean[]':
      return (value as (number | boolean)[]).map(String).join(arrayDelimiter);
  }
}

/** One CSV line from cell texts (no value: an empty string). */
export function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\n`;
}

/** Property keys the header can name without quoting: letters, digits and `_`. */
export function isPlainKey(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key);
}

/** A header field: `name:type` (the importer's typed header). */
export function headerField(key: string, type: CellType): string {
  return `${key}:${type}`;
}

/** True when the cell text spans lines (the importer must read the file as multiline). */
export function spansLines(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}
