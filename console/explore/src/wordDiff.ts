// Which words of two versions of a passage differ, so that the side-by-side view can mark where a
// copier changed the original's wording (`14,000` for `14.000`) inside text they share.

/** A run of a passage's text: a word or the whitespace after it, and whether the other side lacks it. */
export interface WordRun {
  text: string;
  differs: boolean;
}

/** Above this many word pairs the comparison is skipped: nothing is marked, the texts still show. */
const MAX_PAIRS = 4_000_000;

/** Words with the whitespace that follows each, so that joining the runs gives the text back. */
function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * Both texts as runs, each word marked when it is not part of the longest common subsequence of
 * words (compared without their whitespace).
 */
export function wordDiff(left: string, right: string): { left: WordRun[]; right: WordRun[] } {
  const a = words(left);
  const b = words(right);
  if (a.length * b.length > MAX_PAIRS) {
    return {
      left: a.map((text) => ({ text, differs: false })),
      right: b.map((text) => ({ text, differs: false })),
    };
  }
  const keyA = a.map((word) => word.trim());
  const keyB = b.map((word) => word.trim());
  // lengths[i * width + j]: length of the common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        keyA[i] === keyB[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const sameA = new Array<boolean>(a.length).fill(false);
  const sameB = new Array<boolean>(b.length).fill(false);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (keyA[i] === keyB[j]) {
      sameA[i++] = true;
      sameB[j++] = true;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) i++;
    else j++;
  }
  return {
    left: a.map((text, k) => ({ text, differs: !sameA[k] && text.trim() !== '' })),
    right: b.map((text, k) => ({ text, differs: !sameB[k] && text.trim() !== '' })),
  };
}
