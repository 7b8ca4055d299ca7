import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/config/config.js';
import { readSavedPage } from '../../../src/desk/savedPage.js';
import { AppError } from '../../../src/errors/appError.js';

// Saved pages written for these tests (test/fixtures/desk/), none taken from a real outlet. Each
// test checks what an editor would see after pasting the page into the desk.

const fixture = (name: string) =>
  readFileSync(path.join(projectRoot, 'test', 'fixtures', 'desk', name), 'utf8');

/** A small article page around `head` and `article` markup, with enough prose to be an article. */
function page({ head = '', before = '', title = 'Ferry service resumes after the storm' } = {}) {
  return `<!doctype html><html><head><title>${title}</title>${head}</head><body>
    <nav><a href="/">Home</a> <a href="/local">Local</a></nav>
    <article>
      <h1>${title}</h1>
      ${before}
      <p>The ferry between Ashford and the islands ran again on Monday after four days in port,
      the operator said, with extra crossings added to clear the waiting list.</p>
      <p>“Everyone who booked for the cancelled days will get a seat this week,” a spokeswoman
      for the operator said.</p>
    </article></body></html>`;
}

function rejection(html: string): AppError {
  try {
    readSavedPage(html);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('readSavedPage accepted the page');
}

describe('readSavedPage: a news page with furniture around the story', () => {
  const article = readSavedPage(fixture('newsPage.html'));
  const paragraphs = article.text.split('\n\n');

  it('keeps the story as paragraphs, subhead, quote and list, in order', () => {
    expect(paragraphs).toEqual([
      'The Kestrel Bay port authority said on Thursday that 41 container ships were waiting at anchor outside the harbour at the peak of last week’s backlog, a figure the regional shipping association disputes.',
      '“We counted every vessel inside the anchorage twice a day,” said Amira Castell, the authority’s operations director. “At no point were there more than 41.”',
      'The Northern Shipping Association, which represents the owners of most vessels calling at the port, put the number at 58 in a statement on Friday. Its figure includes ships that had slowed down at sea rather than join the queue, the association said.',
      'Two ways of counting',
      'The gap between the two counts comes down to where the queue is said to begin. The authority counts only ships that have dropped anchor inside its waters; the association also counts those that reported a delayed arrival.',
      '“A ship drifting forty miles out because there is no berth for it is still waiting,” the association’s chair, Tomas Reyes, wrote in a letter to members.',
      'The authority said it had cleared the backlog by Sunday and that the port was working normally.',
      'Average wait at the peak: four days, according to the authority.',
      'Berths out of service during the storm: three of eleven.',
    ]);
  });

  it('leaves out navigation, ads, the newsletter box, related links, footer, headline and byline', () => {
    for (const furniture of [
      'Subscribe',
      'Advertisement',
      'shipping briefing',
      'Storm closes three berths',
      'Freight rates',
      'All rights reserved',
      'Privacy',
      'Port authority and shipping group give different counts',
      'Lena Marsh',
      '10.40pm',
    ]) {
      expect(article.text).not.toContain(furniture);
    }
  });

  it('runs none of the page’s scripts', () => {
    expect(article.text).not.toContain('Injected');
  });

  it('collapses the source’s line breaks and indentation inside a paragraph', () => {
    for (const paragraph of paragraphs) expect(paragraph).not.toMatch(/\n|\s{2}|^\s|\s$/);
  });

  it('keeps curly quotes and apostrophes verbatim, so a quote is found at its offsets', () => {
    const quote = '“At no point were there more than 41.”';
    const start = article.text.indexOf(quote);
    expect(start).toBeGreaterThan(0);
    expect(article.text.slice(start, start + quote.length)).toBe(quote);
    expect(article.text).toContain('last week’s backlog');
  });

  it('reads headline, byline, site name, description and canonical address', () => {
    expect(article).toMatchObject({
      title: 'Port authority and shipping group give different counts of ships at anchor',
      byline: 'Lena Marsh',
      siteName: 'The Harbour Courier',
      excerpt:
        'Officials and an industry group disagree on how many vessels waited off Kestrel Bay last week.',
      url: 'https://courier.example/world/2024/03/07/ships-at-anchor',
    });
  });

  it('takes the JSON-LD date as written, not shifted to UTC (22:40 at -08:00 is the 8th in UTC)', () => {
    expect(article.published).toBe('2024-03-07');
  });

  it('lets the address the editor gives win over the page’s own', () => {
    const given = 'https://courier.example/amp/ships-at-anchor';
    expect(readSavedPage(fixture('newsPage.html'), { url: given }).url).toBe(given);
  });
});

describe('readSavedPage: a page with only a meta date', () => {
  const article = readSavedPage(fixture('metaDatePage.html'));

  it('reads the date from <meta name="date">, not from a sidebar’s <time>', () => {
    expect(article.published).toBe('2023-11-19');
  });

  it('reads the byline from <meta name="author"> and the address from og:url', () => {
    expect(article.byline).toBe('Priya Okonjo');
    expect(article.url).toBe('https://valleydaily.example/local/library-hours');
  });

  it('drops the site name from the <title> and keeps the headline out of the text', () => {
    expect(article.title).toBe('Library cuts opening hours after heating fault');
    expect(article.text.split('\n\n')).toHaveLength(3);
    expect(article.text).not.toContain('Library cuts');
    expect(article.text).not.toContain('Most read');
    expect(article.text).toContain('expected “within a fortnight”.');
  });

  it('takes the outlet from the end of the <title> when the page names no site', () => {
    expect(article.siteName).toBe('Valley Daily News');
  });
});

describe('readSavedPage: dates and addresses in other places', () => {
  it('reads a <time datetime> inside the article, as written', () => {
    const html = page({ before: '<time datetime="2022-06-30T23:30:00+10:00">30 June</time>' });
    expect(readSavedPage(html).published).toBe('2022-06-30');
  });

  it('reads datePublished nested in a JSON-LD @graph, which Readability itself skips', () => {
    const jsonLd = JSON.stringify({
      '@graph': [
        { '@type': 'WebSite', name: 'Valley Daily News' },
        { '@type': 'NewsArticle', datePublished: '2021-05-09T08:00:00Z' },
      ],
    });
    const html = page({ head: `<script type="application/ld+json">${jsonLd}</script>` });
    expect(readSavedPage(html).published).toBe('2021-05-09');
  });

  it('normalises written-out and slashed dates, and skips a date that does not exist', () => {
    const meta = (property: string, content: string) =>
      `<meta property="${property}" content="${content}">`;
    const published = (head: string) => readSavedPage(page({ head })).published;
    expect(published(meta('article:published_time', '9 May 2021'))).toBe('2021-05-09');
    expect(published(meta('article:published_time', 'Sunday, May 9, 2021'))).toBe('2021-05-09');
    expect(published('<meta name="date" content="2021/5/9">')).toBe('2021-05-09');
    expect(published('<meta name="date" content="20210509">')).toBe('2021-05-09');
    expect(
      published(
        `${meta('article:published_time', '2021-02-30')}<meta name="date" content="2021-03-01">`,
      ),
    ).toBe('2021-03-01');
    expect(published('')).toBeUndefined();
  });

  it('ignores a relative canonical link and falls back to og:url', () => {
    const head =
      '<link rel="canonical" href="/local/ferry"><meta property="og:url" content="https://valleydaily.example/local/ferry">';
    expect(readSavedPage(page({ head })).url).toBe('https://valleydaily.example/local/ferry');
    expect(readSavedPage(page({ head: '<link rel="canonical" href="/local/ferry">' })).url).toBe(
      undefined,
    );
  });

  it('keeps an h1 that differs from the <title> out of the text, and a byline line too', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      author: { '@type': 'Person', name: 'Jonas Feld' },
    });
    const html = page({
      title: 'Ashford ferry back in service',
      head: `<script type="application/ld+json">${jsonLd}</script>`,
      before: '<p>By Jonas Feld</p>',
    }).replace('<h1>Ashford ferry back in service</h1>', '<h1>Islands ferry sails again</h1>');
    const article = readSavedPage(html);
    expect(article.byline).toBe('Jonas Feld');
    expect(article.text).not.toContain('Islands ferry sails again');
    expect(article.text).not.toContain('Jonas Feld');
    expect(article.text).toMatch(/^The ferry between Ashford/);
  });
});

describe('readSavedPage: page furniture', () => {
  it('keeps a story whose container’s class names furniture, when it holds the headline', () => {
    const html = page().replace('<article>', '<article class="story social-share-enabled">');
    expect(readSavedPage(html).text).toMatch(/^The ferry between Ashford/);
  });

  it('drops a share bar and a promo box inside the story', () => {
    const html = page({
      before:
        '<div class="share-bar"><span>Share this story</span></div><p class="promo">Read our island guide for the summer.</p>',
    });
    const { text } = readSavedPage(html);
    expect(text).not.toContain('Share this story');
    expect(text).not.toContain('island guide');
    expect(text.split('\n\n')).toHaveLength(2);
  });
});

describe('readSavedPage: pages without an article', () => {
  it('refuses a section front of headline links with BAD_USER_INPUT on input.html', () => {
    const error = rejection(fixture('sectionFront.html'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'input.html' });
    expect(error.message).toMatch(/^input\.html: no article text found in the page/);
  });

  it('refuses an empty page and one with a single short line', () => {
    expect(rejection('').code).toBe('BAD_USER_INPUT');
    expect(rejection('<html><body><p>Page not found.</p></body></html>').code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
