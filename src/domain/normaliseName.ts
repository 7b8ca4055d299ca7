/**
 * The key under which names and aliases are matched: case, backticks-for-apostrophes (as in the
 * seed article), punctuation and extra spaces do not matter. "China`s CNCERT" and "china's
 * cncert" share a key.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`'’‘]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
