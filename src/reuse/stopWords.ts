/**
 * Function words of English, in their normalised form (apostrophes dropped: "dont", "its"), and
 * the reporting verbs every news story uses. A k-gram made only of these says nothing about
 * where a text came from ("that it was not the", "he said it would"), so it is neither
 * fingerprinted nor used to seed an alignment; the words still count inside a passage found from
 * other seeds. "us" is left out: normalised, it is also the country.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** The stop words: articles, pronouns, auxiliaries, prepositions, conjunctions, reporting verbs. */
export const stopWords: ReadonlySet<string> = set(`
  a an the this that these those such
  i me my mine we our ours you your yours he him his she her hers it its they them their theirs
  who whom whose which what when where why how whether
  is are was were be been being am has have had having do does did doing done
  will would shall should can could may might must ought
  isnt arent wasnt werent hasnt havent hadnt dont doesnt didnt wont wouldnt cant couldnt shouldnt
  its thats theres theyre youre weve theyve ive hes shes lets
  not no nor never
  of in on at by for from to with about into onto over after before during since until upon
  through across against among between under within without via per amid than as like
  up down out off above below around near along behind beyond toward towards
  and or but so yet if then else also too very just only even still already again
  all any both each every few many more most much other another some several own same
  there here now ever once
  one
  said says say saying told tell tells added adds noted stated according
`);

/** Whether a normalised word is a stop word. */
export function isStopWord(norm: string): boolean {
  return stopWords.has(norm);
}
