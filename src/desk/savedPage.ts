// A saved web page turned into what the desk extracts from: the article text in plain
// paragraphs, and the headline, byline, date and address the page states about itself.
//
// Mozilla's Readability finds the article; jsdom gives it a DOM. jsdom runs no scripts and loads
// nothing unless asked to (`runScripts`, `resources`), and neither is asked for here: a saved
// page is untrusted input and reading it must not touch the network.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { AppError } from '../errors/appError.js';

/** What a saved page gives the desk. */
export interface SavedPageArticle {
  /** The article text: paragraphs separated by a blank line, whitespace inside each collapsed. */
  readonly text: string;
  /** The headline, kept out of `text`. */
  readonly title?: string;
  /** The byline as the page gives it, without a leading "By". */
  readonly byline?: string;
  /** Publication date, YYYY-MM-DD, as the page's metadata writes it (no time-zone shift). */
  readonly published?: string;
  /** The outlet's name as the page gives it. */
  readonly siteName?: string;
  /** The article's address: the one given, else the page's canonical or og:url link. */
  readonly url?: string;
  /** The page's description, or the first paragraph. */
  readonly excerpt?: string;
}

/**
 * Reads a saved web page (HTML) into the article the desk extracts from. Only parsing: no
 * scripts run, nothing is fetched. Throws BAD_USER_INPUT (field `input.html`) when the page holds
 * no article text, e.g. an empty page, a section front or a search page.
 */
export function readSavedPage(html: string, options: { url?: string } = {}): SavedPageArticle {
  // An empty VirtualConsole: jsdom would otherwise print the page's CSS parse errors to ours.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    // Read before Readability runs: it removes scripts (so JSON-LD) and much of the page.
    const dates = pageDates(document);
    const url = options.url ?? pageUrl(document);
    const headlines = [...document.querySelectorAll('h1')].map((h1) =>
      collapse(h1.textContent ?? ''),
    );
    const titleSuffix = siteFromTitle(document.title);
    removeBoilerplate(document);
    const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
    const content = article?.content;
    if (!article || !content || proseLength(content) < MIN_PROSE_CHARS) {
      throw new AppError(
        'BAD_USER_INPUT',
        'input.html: no article text found in the page; save the article page itself (not a section front or search page), or give its text as input.text',
        { field: 'input.html' },
      );
    }
    const title = optional(article.title);
    const byline = optional(optional(article.byline)?.replace(/^by\s+/i, ''));
    const text = paragraphs(content)
      .filter((paragraph) => !repeatsHeader(paragraph, [title, ...headlines], byline))
      .join('\n\n');
    const published = [article.publishedTime, ...dates]
      .map((date) => (date ? calendarDate(date) : undefined))
      .find((date) => date !== undefined);
    return {
      text,
      title,
      byline,
      published,
      siteName: optional(article.siteName) ?? titleSuffix,
      url,
      excerpt: optional(article.excerpt),
    };
  } finally {
    dom.window.close();
  }
}

/**
 * "Port authority expands night shifts | Harbour Post": the outlet a page's title ends with,
 * after a bar or a spaced dash, when the page names no site otherwise.
 */
function siteFromTitle(title: string): string | undefined {
  const parts = title.split(/\s+(?:\||–|—|-)\s+/u);
  const last = parts.length > 1 ? collapse(parts[parts.length - 1] ?? '') : '';
  return last.length > 1 && last.length <= 60 && /^\p{Lu}/u.test(last) ? last : undefined;
}

/**
 * Below this many characters of paragraph prose (outside links and lists) the page is taken to
 * hold no article. Readability returns its best guess for any page with text, so a section front
 * comes back as its list of headline links; those are links, not prose, and count for nothing.
 */
const MIN_PROSE_CHARS = 140;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function optional(value: string | null | undefined): string | undefined {
  const collapsed = value ? collapse(value) : '';
  return collapsed === '' ? undefined : collapsed;
}

// ---- the article text -------------------------------------------------------------------------

/** Elements that end one paragraph and start the next. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/**
 * Elements whose text is not the story's. Captions describe a photo and end in credit lines
 * ("Photo: agency") that the extractor would read as citations; the rest is never prose.
 */
const SKIPPED_TAGS = new Set([
  'BUTTON',
  'FIGCAPTION',
  'FIGURE',
  'FORM',
  'NOSCRIPT',
  'SCRIPT',
  'STYLE',
  'SVG',
  'TEMPLATE',
]);

/** The text of Readability's content, one string per block, whitespace collapsed. */
function paragraphs(content: Node): string[] {
  const found: string[] = [];
  let buffer = '';
  const flush = () => {
    const paragraph = collapse(buffer);
    if (paragraph !== '') found.push(paragraph);
    buffer = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === node.TEXT_NODE) {
      buffer += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'BR') buffer += ' ';
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(content);
  flush();
  return found;
}

/** Characters of paragraph text outside links and list items. */
function proseLength(content: Node): number {
  let length = 0;
  const walk = (node: Node) => {
    if (node.nodeType === node.TEXT_NODE) {
      const inProse = node.parentElement?.closest('p, blockquote, pre');
      if (inProse && !node.parentElement?.closest('a, li'))
        length += collapse(node.nodeValue ?? '').length;
      return;
    }
    if (node.nodeType !== node.ELEMENT_NODE) return;
    for (const child of node.childNodes) walk(child);
  };
  walk(content);
  return length;
}

/**
 * True for a block that only repeats a headline (the title, or the page's h1, which Readability
 * keeps as a heading when it differs from the title) or the byline.
 */
function repeatsHeader(
  paragraph: string,
  headlines: readonly (string | undefined)[],
  byline: string | undefined,
): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (headlines.some((headline) => headline && same(paragraph, headline))) return true;
  return byline !== undefined && (same(paragraph, byline) || same(paragraph, `By ${byline}`));
}

/**
 * Class or id words of page furniture that Readability keeps when it sits inside the story's
 * container (a newsletter box between paragraphs, a share bar): its text would enter the draft.
 */
const BOILERPLATE_WORDS = [
  'newsletter',
  'signup',
  'sign-up',
  'subscribe',
  'subscription',
  'promo',
  'paywall',
  'cookie',
  'share',
  'sharing',
  'social',
  'related',
  'recommended',
  'most-read',
  'advert',
  'advertisement',
  'ad-slot',
  'sponsored',
];
/** One of BOILERPLATE_WORDS as a whole word of a class or id (`ad-slot`, not `headline`). */
const BOILERPLATE = new RegExp(`(?:^|[\\s_-])(?:${BOILERPLATE_WORDS.join('|')})(?:$|[\\s_-])`, 'i');

/** Removes page furniture, but never an element that holds the headline or most of the text. */
function removeBoilerplate(document: Document): void {
  const body = document.body;
  if (!body) return;
  const bodyLength = collapse(body.textContent ?? '').length;
  for (const element of [...body.querySelectorAll('[class], [id]')]) {
    if (!element.isConnected) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!BOILERPLATE.test(names)) continue;
    if (element.querySelector('h1, article')) continue;
    if (collapse(element.textContent ?? '').length * 3 > bodyLength) continue;
    element.remove();
  }
}

// ---- metadata Readability does not read --------------------------------------------------------

/** Meta names (name, property or itemprop, lower case) that carry the publication date. */
const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'pubdate',
  'publishdate',
  'publish-date',
  'published_time',
  'parsely-pub-date',
  'sailthru.date',
];

/** Publication dates the page states, best first, as written. */
function pageDates(document: Document): string[] {
  const metas = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta[content]')) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !metas.has(key)) metas.set(key, content);
    }
  }
  const fromMeta = DATE_META.map((name) => metas.get(name));
  // Only times inside the article: a sidebar's list of other stories carries other dates.
  const times = [
    ...document.querySelectorAll(
      'article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"][datetime]',
    ),
  ].map((time) => time.getAttribute('datetime'));
  return [...fromMeta, ...jsonLdDates(document), ...times].filter(
    (date): date is string => typeof date === 'string' && date.trim() !== '',
  );
}

/**
 * `datePublished` from every JSON-LD block, article types first. Readability reads only the first
 * block, and only with a schema.org context; pages often have several, or nest the article in
 * `@graph`.
 */
function jsonLdDates(document: Document): string[] {
  const articles: string[] = [];
  const others: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.datePublished === 'string') {
      const types = [record['@type']].flat().filter((type) => typeof type === 'string');
      (types.some((type) => /Article|Posting|Report/i.test(type)) ? articles : others).push(
        record.datePublished,
      );
    }
    visit(record['@graph']);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block says nothing about the date; the other sources still may.
    }
  }
  return [...articles, ...others];
}

/** The canonical address the page gives for itself (absolute http or https only). */
function pageUrl(document: Document): string | undefined {
  const candidates = [
    document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"][content]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const href = candidate?.trim();
    if (!href) continue;
    try {
      const parsed = new URL(href);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return href;
    } catch {
      // A relative or broken address cannot stand for the article on its own.
    }
  }
  return undefined;
}

/**
 * YYYY-MM-DD of a date as written: ISO 8601 (`2024-03-07T22:40:00-08:00`), `2024/03/07`,
 * `20240307`, `7 March 2024` or `March 7, 2024`. The calendar date is taken as written, never
 * converted to another time zone: the page's own date is the one its relative times refer to.
 */
function calendarDate(written: string): string | undefined {
  const text = written.trim();
  const separated = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?=$|[T\s])/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})(?=$|T)/.exec(text);
  const dayFirst = /^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(text);
  const monthFirst = /^(?:[a-z]+,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(text);
  let parts: [year: string | undefined, month: number, day: string | undefined] | undefined;
  if (separated) parts = [separated[1], Number(separated[3]), separated[4]];
  else if (compact) parts = [compact[1], Number(compact[2]), compact[3]];
  else if (dayFirst) parts = [dayFirst[3], monthNumber(dayFirst[2]), dayFirst[1]];
  else if (monthFirst) parts = [monthFirst[3], monthNumber(monthFirst[1]), monthFirst[2]];
  if (!parts) return undefined;
  const [year, month, day] = [Number(parts[0]), parts[1], Number(parts[2])];
  // Date.UTC rolls 31 April over into May, and years below 100 into the 1900s: a date that does
  // not survive the round trip is no date.
  const date = new Date(Date.UTC(year, month - 1, day));
  const survives =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (month < 1 || !survives) return undefined;
  return `${parts[0]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1 to 12 for a month's first three letters; 0 for anything else. */
function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').toLowerCase()) + 1;
}
