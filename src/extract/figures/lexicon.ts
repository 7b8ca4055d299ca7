/**
 * Word lists for the figure extractor. Every list is built once at module load; lookups are by
 * the token's lower-case text unless a list says otherwise (unit symbols such as "MW" keep case).
 */

/** The set of the space-separated words in `list`: keeps long word lists short on the page. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** Cardinal words below twenty. */
export const unitWords: ReadonlyMap<string, number> = new Map(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ].map((word, index) => [word, index]),
);

/** Multiples of ten written as words. */
export const tensWords: ReadonlyMap<string, number> = new Map(
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map(
    (word, index) => [word, (index + 2) * 10],
  ),
);

/** Scale words and abbreviations, as powers of ten ("3.34 million", "$5bn", "1.2m"). */
export const scalePowers: ReadonlyMap<string, number> = new Map([
  ['thousand', 3],
  ['thousands', 3],
  ['million', 6],
  ['millions', 6],
  ['billion', 9],
  ['billions', 9],
  ['trillion', 12],
  ['trillions', 12],
  ['lakh', 5],
  ['lakhs', 5],
  ['crore', 7],
  ['crores', 7],
  ['mn', 6],
  ['mln', 6],
  ['bn', 9],
  ['bln', 9],
  ['tn', 12],
  ['trn', 12],
]);

/**
 * Scale suffixes written against the digits: "1.2m", "$5bn", "$50k". A bare "m" means million
 * only when attached ("1.2m"); spaced ("8 m") it is metres, see {@link measureUnits}.
 */
export const attachedScalePowers: ReadonlyMap<string, number> = new Map([
  ['k', 3],
  ['m', 6],
  ['mn', 6],
  ['mln', 6],
  ['b', 9],
  ['bn', 9],
  ['bln', 9],
  ['tn', 12],
  ['trn', 12],
]);

/**
 * Plural scale words that stand for a vague amount ("dozens of", "hundreds of"). The value is
 * twice the unit: the least amount the plural can mean.
 */
export const pluralScales: ReadonlyMap<string, number> = new Map([
  ['dozens', 12],
  ['scores', 20],
  ['hundreds', 100],
  ['thousands', 1e3],
  ['millions', 1e6],
  ['billions', 1e9],
  ['trillions', 1e12],
]);

/** Denominators of fractions written as words, singular and plural ("a third", "two-thirds"). */
export const fractionDenominators: ReadonlyMap<string, number> = new Map([
  ['half', 2],
  ['halves', 2],
  ['third', 3],
  ['thirds', 3],
  ['quarter', 4],
  ['quarters', 4],
  ['fourth', 4],
  ['fourths', 4],
  ['fifth', 5],
  ['fifths', 5],
  ['sixth', 6],
  ['sixths', 6],
  ['seventh', 7],
  ['sevenths', 7],
  ['eighth', 8],
  ['eighths', 8],
  ['ninth', 9],
  ['ninths', 9],
  ['tenth', 10],
  ['tenths', 10],
]);

/**
 * Words that may follow "a third", "a quarter" when they are fractions ("a third were
 * arrested", "a quarter of voters"); any other next word makes them ordinals ("a third term").
 */
export const fractionFollowers: ReadonlySet<string> = wordSet(
  'of were was are is have has had will would could can may might said say says ' +
    'voted did do and or than more less',
);

/** Month names and their abbreviations, case kept: a number beside one is a date. */
export const monthNames: ReadonlySet<string> = wordSet(
  'January February March April May June July August September October November ' +
    'December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec',
);

/** Words after a number that make it a clock time ("3 pm", "10.30 GMT"). Lower case. */
export const clockWords: ReadonlySet<string> = new Set([
  'am',
  'pm',
  'a.m.',
  'p.m.',
  "o'clock",
  'gmt',
  'utc',
  'bst',
  'est',
  'edt',
  'pst',
  'cet',
  'hrs',
]);

/** Words before a number that make it a label, not an amount ("Article 5", "Flight 370"). */
export const labelWords: ReadonlySet<string> = wordSet(
  'article articles section chapter clause paragraph page part title item rule ' +
    'amendment resolution flight route highway interstate room gate terminal platform ' +
    'level stage category grade type model version phase season episode round no nos ' +
    'number channel line unit block lot district ward precinct division figure table',
);

/** Words before a bare four-digit number that make it a year ("in 2018", "the 2019 report"). */
export const yearPrecedents: ReadonlySet<string> = wordSet(
  'in since by from until till through throughout during before after than with to ' +
    'the of between and early late mid fiscal year around circa on this that its ' +
    'summer winter spring autumn against versus vs',
);
