import { lookupReportingVerb } from './reportingVerbs.js';

/**
 * The proposition an attribution carries, as a claim text an editor can accept or edit: the
 * content without its frame, with the damage of the input repaired (full stops typed for commas,
 * backticks for apostrophes and quotation marks), a capital first letter and a full stop.
 */

/** A self-contained claim text from the content span of an attribution. */
export function claimText(content: string): string {
  let text = content.trim();
  text = text.replace(/^(that|whether)\s+/i, '');
  // "it suspected that the US government invaded its server": the speaker's belief is the stance,
  // the proposition is what follows "that".
  const belief = /^(it|he|she|they|we|i)\s+(\p{L}+)\s+that\s+/iu.exec(text);
  if (belief && lookupReportingVerb(belief[2] ?? '')?.entry.kind === 'cognition')
    text = text.slice(belief[0].length);
  // A content that is only a quotation: drop the marks.
  const wholeQuote = /^["“„«‘`'](.*?)["”»’`']?$/su.exec(text);
  const inner = wholeQuote?.[1];
  if (inner !== undefined && !/["“”«»`]/.test(inner)) text = inner;
  text = text
    .replace(/(\p{L})`(\p{L})/gu, "$1'$2")
    .replace(/`/g, '"')
    .replace(/\.\s+(?=[\p{Ll}\p{N}])/gu, ', ')
    .replace(/(\d)\.(\d{3})(?!\d)(?=\s+[\p{L}])/gu, '$1,$2')
    .replace(/\s+/g, ' ')
    .replace(/[,;:\s]+$/u, '')
    .trim();
  if (text.length === 0) return text;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (!/[.!?]["”’»]?$/u.test(text)) text += '.';
  return text;
}

/** A kebab-case id part from a text: the first few content words. */
export function slugOf(text: string, words = 6): string {
  const stop = new Set([
    'the',
    'a',
    'an',
    'of',
    'to',
    'in',
    'on',
    'and',
    'that',
    'is',
    'was',
    'for',
    'its',
    'it',
    'has',
    'have',
    'be',
    'with',
    'by',
    'at',
    'as',
  ]);
  const slug = text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !stop.has(word))
    .slice(0, words)
    .join('-');
  return slug.length > 0 ? slug : 'item';
}
