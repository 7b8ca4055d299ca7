/**
 * Credit lines that name the sources a story draws on without quoting them: "(With input from
 * Xinhua)", "(Additional reporting by the Harbour Gazette)", "Source: Pacific Wire Service".
 * Each named outlet is a source the article cites.
 */

/** An outlet named in a credit line, with its offsets. */
export interface Credit {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const creditLine =
  /\((?:with (?:additional )?(?:input|inputs|reporting|contributions?) (?:from|by)|additional reporting by|reporting by|compiled from|sources?:)\s+([^)\n]{2,200})\)|^(?:sources?|credits?):\s+([^\n]{2,200})$/gimu;

/** Every outlet named in a credit line, in text order. */
export function findCredits(text: string): Credit[] {
  const credits: Credit[] = [];
  for (const match of text.matchAll(creditLine)) {
    const whole = match[1] ?? match[2];
    if (whole === undefined) continue;
    // "(With input from Xinhua; Reporting by Marta Keller; Editing by Owen Price)": the staff
    // credits after a semicolon name the article's own people, not sources.
    const list = whole.split(/;\s*(?=\p{L}+(?:\s+\p{L}+)?\s+by\b)/u)[0]!;
    const listStart = match.index + match[0].indexOf(list);
    // "Xinhua, the Harbour Gazette and Pacific Wire": one outlet per item.
    for (const item of list.matchAll(/[^,;]+?(?=\s*(?:,|;|\band\b|$))/gu)) {
      const raw = item[0].replace(/^\s*(?:and\s+)?/u, '');
      const name = raw.replace(/^the\s+/iu, '').replace(/[.\s]+$/u, '');
      if (!/^\p{Lu}/u.test(name)) continue;
      const start = listStart + item.index + item[0].indexOf(raw);
      credits.push({ name, start, end: start + raw.replace(/[.\s]+$/u, '').length });
    }
  }
  return credits;
}
