/**
 * The hash of a k-gram, stable across processes and languages so stored fingerprints stay
 * comparable: 64-bit FNV-1a over the UTF-8 bytes of the k normalised words joined by single
 * spaces, folded to 52 bits (exact in a JavaScript number), written as 13 lower-case hex digits.
 * With 52 bits, a fingerprint matches one of 10^8 stored ones by chance with a probability of
 * about 2 × 10^-8; and alignment compares the words themselves, so a collision can only cost a
 * wasted candidate, never a link.
 */

const encoder = new TextEncoder();

// 64-bit arithmetic in four 16-bit limbs (least significant first), since bitwise operators in
// JavaScript are 32-bit and BigInt is an order of magnitude slower. The FNV prime is 2^40 + 435:
// multiplying by it is multiplying by 435 plus shifting left by 40 bits, that is by two limbs and
// 8 bits, which adds limb 0 << 8 to limb 2 and limb 1 << 8 to limb 3.
// 0xcbf29ce484222325, least significant limb first.
const offsetBasis: readonly [number, number, number, number] = [0x2325, 0x8422, 0x9ce4, 0xcbf2];

const utf8 = (word: string): ArrayLike<number> => {
  // Normalised words are mostly ASCII, whose UTF-16 code units are their UTF-8 bytes.
  for (let index = 0; index < word.length; index++)
    if (word.charCodeAt(index) > 0x7f) return encoder.encode(word);
  return Array.from(word, (char) => char.charCodeAt(0));
};

/** One FNV-1a state: four 16-bit limbs, least significant first. */
type State = [number, number, number, number];

const feed = (state: State, byte: number): void => {
  const h0 = state[0] ^ byte;
  const p0 = h0 * 435;
  const p1 = state[1] * 435 + (p0 >>> 16);
  const p2 = state[2] * 435 + (h0 << 8) + (p1 >>> 16);
  const p3 = state[3] * 435 + (state[1] << 8) + (p2 >>> 16);
  state[0] = p0 & 0xffff;
  state[1] = p1 & 0xffff;
  state[2] = p2 & 0xffff;
  state[3] = p3 & 0xffff;
};

// Fold the top 12 bits onto the bottom 12 so every input byte still affects the result.
const finish = ([h0, h1, h2, h3]: State): number =>
  (h3 & 0xf) * 2 ** 48 + h2 * 2 ** 32 + h1 * 2 ** 16 + (h0 ^ (h3 >>> 4));

const SPACE = 0x20;

/**
 * The hash values of every k-gram of a normalised word sequence, index i for the k-gram starting
 * at word i; undefined where `skip` says so. Each word is encoded once, not once per k-gram.
 */
export function kgramHashes(
  norms: readonly string[],
  k: number,
  skip?: ArrayLike<number>,
): (number | undefined)[] {
  const bytes = norms.map(utf8);
  const hashes: (number | undefined)[] = [];
  for (let start = 0; start + k <= norms.length; start++) {
    if (skip?.[start] === 1) {
      hashes.push(undefined);
      continue;
    }
    const state: State = [...offsetBasis];
    for (let offset = 0; offset < k; offset++) {
      if (offset > 0) feed(state, SPACE);
      const word = bytes[start + offset] ?? [];
      for (let index = 0; index < word.length; index++) feed(state, word[index] ?? 0);
    }
    hashes.push(finish(state));
  }
  return hashes;
}

/** The stored form of a hash value: 13 lower-case hex digits. */
export function hashHex(value: number): string {
  return value.toString(16).padStart(13, '0');
}

/** The hash of one k-gram given as its normalised words, in its stored form. */
export function kgramHash(words: readonly string[]): string {
  return hashHex(kgramHashes(words, words.length)[0] ?? finish([...offsetBasis]));
}
