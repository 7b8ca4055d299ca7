import { stem, type ContentWord } from './claimWords.js';

/**
 * Words of opposite direction. "More people will join" and "more people will leave" share all
 * but one word, so word closeness alone would call them the same claim. Each group has two
 * sides; two claims are opposed on a group when one uses only words of one side and the other
 * only words of the other ("costs rose" against "costs fell"). A claim that uses both sides
 * ("routes were cut as costs rose") takes no direction on that group. General English only.
 */
const groups: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>])[] = [
  [
    'rise increase climb surge grow expand gain more higher raise boost strengthen improve profit surplus',
    'fall drop decline decrease plunge shrink lose loss fewer less lower weaken worsen deficit',
  ],
  ['join', 'leave quit'],
  ['open reopen', 'close shut'],
  ['accept approve', 'reject'],
  ['support back', 'oppose'],
  ['allow permit', 'ban forbid prohibit'],
  ['buy purchase', 'sell'],
  ['lend', 'borrow'],
  ['import', 'export'],
  ['hire', 'fire sack'],
  ['best', 'worst'],
  ['largest biggest', 'smallest'],
  ['most', 'least'],
  ['majority', 'minority'],
  ['ally', 'enemy'],
  ['guilty', 'innocent'],
  ['legal', 'illegal'],
  ['true', 'false'],
  ['win victory succeed success', 'defeat fail failure'],
  ['release free', 'detain arrest jail'],
].map(([left = '', right = '']) => {
  const stems = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(stem));
  return [stems(left), stems(right)] as const;
});

/**
 * The groups on which a draft and a graph claim take opposite sides, as the words were written
 * ("leave vs join").
 */
export function oppositeWords(
  draft: readonly ContentWord[],
  graph: readonly ContentWord[],
): string[] {
  const found: string[] = [];
  for (const [left, right] of groups) {
    const side = (words: readonly ContentWord[]) => {
      const l = words.filter((word) => left.has(word.stem));
      const r = words.filter((word) => right.has(word.stem));
      return l.length > 0 && r.length === 0
        ? { side: 'left', l }
        : r.length > 0 && l.length === 0
          ? { side: 'right', l: r }
          : undefined;
    };
    const d = side(draft);
    const g = side(graph);
    if (d && g && d.side !== g.side) found.push(`${d.l[0]!.lower} vs ${g.l[0]!.lower}`);
  }
  return found;
}
