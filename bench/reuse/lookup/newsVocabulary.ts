/**
 * The words synthetic news is written with, ranked so that sampling by Zipf–Mandelbrot weights
 * (1 / (rank + 2.7)^1.1) gives news-like statistics: the hundred commonest words, nearly all
 * function words, make up about half of the running text (as in English), a few hundred real news words follow, and a
 * long tail of invented words makes most 5-grams rare, as in real prose. The invented words are
 * drawn from syllables by a fixed seed, so the list is the same on every run and machine.
 */
import { isStopWord } from '../../../src/reuse/stopWords.js';
import { createRandom } from '../../scale/seededRandom.js';

/** Function words in roughly their order of frequency in English news (nearly all in stopWords.ts). */
const functionWords = `
  the of to a and in said for that on is was with he it as at by from his has be have an are but
  were not this who they had its after been will which also their more or one about would than up
  all we i out she when there her into over other some could can no them only what two if most
  before so new since because during many against under any now do such those these where while
  both each between very just even still already again through own same here how why him our
  may might must should whether until upon across among without within like per around near
`;

/** Frequent content words of news, ranked among the function words from rank 30 on. */
const newsWords = `
  year government people president minister police country state officials city percent week
  time first last told group million week public security party report national former military
  world month day company health news told law years leader force forces water power court
  money plan workers deal talks region election vote bank rates prices market economy trade
  border war peace army attack killed injured hospital children families school students women
  men team season game win lost record crisis fire storm rain flood quake rescue emergency
  service services officers investigation charges trial judge case evidence prison sentence
  budget tax spending cuts debt growth jobs unemployment inflation energy oil gas fuel climate
  emissions policy reform bill parliament senate congress ministers cabinet opposition coalition
  protest protesters strike union wages contract talks agreement sanctions aid support funding
  program project system data network online internet technology users phone service airport
  flights passengers train rail road traffic crash victims dead death toll survivors residents
  village town capital province district county area local national international foreign
  chief head director spokesman executive board members council committee agency ministry
  department office authority officials experts analysts critics supporters voters citizens
  weeks months days hours earlier later recent major big small high low large growing rising
  falling higher lower strong weak key main early late long short full free open closed
`;

const onsets = 'b br c ch d dr f fl g gr h j k kl l m n p pr r s sh st t tr v w z'.split(' ');
const vowels = 'a e i o u ai ea ou ie'.split(' ');
const codas = ['', '', '', 'n', 'r', 's', 'l', 't', 'm', 'nd', 'rk'];

/** Zipf–Mandelbrot exponent: above 1, so the commonest words weigh as much as they do in English. */
const ZIPF_EXPONENT = 1.1;

/** How many invented words make the tail of the vocabulary. */
export const INVENTED_WORDS = 30_000;

/** The ranked vocabulary and the cumulative weights to sample it by. */
export interface NewsVocabulary {
  /** Words by rank, most frequent first. */
  readonly words: readonly string[];
  /** Cumulative Zipf–Mandelbrot weights, normalised to end at 1. */
  readonly cumulative: Float64Array;
}

const split = (text: string) => text.split(/\s+/).filter(Boolean);

/** Invented words of one to three syllables, none a real word of the lists above. */
function inventedWords(count: number, taken: ReadonlySet<string>): string[] {
  const random = createRandom(20_240_611);
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = random.weighted([
      [1, 3],
      [2, 6],
      [3, 1],
    ] as const);
    let word = '';
    for (let index = 0; index < syllables; index++)
      word += random.pick(onsets) + random.pick(vowels) + random.pick(codas);
    if (word.length >= 3 && !taken.has(word) && !isStopWord(word)) words.add(word);
  }
  return [...words];
}

let cached: NewsVocabulary | undefined;

/** The vocabulary (built once per process). */
export function newsVocabulary(): NewsVocabulary {
  if (cached) return cached;
  const stop = [...new Set(split(functionWords))];
  const news = [...new Set(split(newsWords))].filter((word) => !stop.includes(word));
  const ranked: string[] = stop.slice(0, 30);
  // Past the commonest thirty, one news word for every two function words.
  let nextStop = 30;
  let nextNews = 0;
  while (nextStop < stop.length || nextNews < news.length) {
    for (let index = 0; index < 2 && nextStop < stop.length; index++)
      ranked.push(stop[nextStop++]!);
    if (nextNews < news.length) ranked.push(news[nextNews++]!);
  }
  ranked.push(...inventedWords(INVENTED_WORDS, new Set(ranked)));
  const cumulative = new Float64Array(ranked.length);
  let total = 0;
  ranked.forEach((_, rank) => {
    total += (rank + 1 + 2.7) ** -ZIPF_EXPONENT;
    cumulative[rank] = total;
  });
  for (let index = 0; index < cumulative.length; index++) cumulative[index]! /= total;
  cached = { words: ranked, cumulative };
  return cached;
}

/** The word whose cumulative weight first reaches `u` (in [0, 1)): a Zipf-distributed draw. */
export function wordAt(vocabulary: NewsVocabulary, u: number): string {
  const { cumulative, words } = vocabulary;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! > u) high = middle;
    else low = middle + 1;
  }
  return words[low]!;
}

/**
 * Phrases every news desk writes, shared by unrelated stories. The first group is on the stock
 * phrase list (src/reuse/stockPhrases.ts), so it is never fingerprinted; the second is not, so
 * its k-grams are fingerprints shared by thousands of stored sources: the long posting lists a
 * lookup has to read. None is eight words long, so none alone makes a shared passage.
 */
export const stockPhrases: readonly string[] = [
  'told reporters on Monday',
  'said in a statement',
  'according to the ministry',
  'on condition of anonymity',
  'declined to comment',
  'did not respond to a request for comment',
  'local time',
  'earlier this week',
  'the prime minister said',
  'the central bank',
  'interest rates',
  'for the first time since',
  'at the end of the year',
  'at least two people were killed',
  'the death toll rose to',
  'in a country of',
  'human rights groups',
  'the security forces',
  'more than a million people',
  'the interior ministry',
  'the opposition party',
  'in the capital on',
  'over the past decade',
  'the European Union',
  'the United Nations',
];
