import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { projectRoot } from '../../src/config/config.js';
import { launchChromium, trackOffHostRequests } from '../support/browser.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

// Hidden sourcing at the editor's desk, in a real headless Chromium against the real server and
// Neo4j: an article that reuses two paragraphs of the seed article, without crediting it, is
// pasted and extracted; the desk proposes the seed article as the text it copies, shows the
// shared passages side by side and marks them in the article; the editor confirms the copy link
// (a stale revision is refused as CONFLICT, as for every other change), commits, and sourcing
// analysis then follows the copy to the seed's origin.

const screenshotDir = path.join(projectRoot, 'test-results');
const reusedArticle = readFileSync(
  path.join(projectRoot, 'test/fixtures/reuse/seed-paragraphs-reused.article.txt'),
  'utf8',
);
const SEED_ARTICLE = 'src-article';
const SERVERS_CLAIM = 'clm-us-servers-controlled-china-hosts-2018';

const COPIES_QUERY = `query ($id: ID!) { draft(id: $id) {
  revision items { id }
  copies { source { id title } confirmed shareOfDraft shareOfSource publishedFirst
    passages { words thisStart thisEnd thisText otherText } }
} }`;

/** What the desk exposes as `window.__desk` (console/desk/src/main.ts). */
const deskState = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { __desk: { draftId: string | null; revision: number | null } })
        .__desk,
  );

const waitIdle = (page: Page) =>
  page.locator('body[data-busy="false"]').waitFor({ state: 'attached', timeout: 30_000 });

describe('Copied text at the editor’s desk', () => {
  let database: TestDatabase;
  let api: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let editorKey: string;
  let colleagueKey: string;
  const serverLog: string[] = [];
  const asEditor = async (query: string, variables?: Record<string, unknown>, key = editorKey) => {
    const { body } = await api.graphql(query, variables, { authorization: `Bearer ${key}` });
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as any;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    const keysFile = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'claimgraph-keys-')),
      'keys.json',
    );
    editorKey = createApiKey(keysFile, 'copies-editor', 'editor');
    colleagueKey = createApiKey(keysFile, 'copies-colleague', 'editor');
    api = await startTestServer(database.executor, serverLog, {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // The key as the desk keeps it, so every page of this file starts signed in.
    await context.addInitScript(
      (key) => localStorage.setItem('claimgraph:desk:apiKey', key),
      editorKey,
    );
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database?.close();
  });

  it('proposes the seed article as copied, shows the passages side by side and in the article, confirms the copy link and commits it', async () => {
    const page = await context.newPage();
    const offHost = trackOffHostRequests(page, api.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const before = (
      await asEditor(
        `query ($id: ID!) { claim(id: $id) { sourcing { independentOrigins flags { copiedWithoutCredit } } } }`,
        { id: SERVERS_CLAIM },
      )
    ).claim.sourcing;
    // The seed graph traces the claim to one origin (CNCERT's report) already, and the article
    // cites Xinhua, whose chain ends there too: the count stays 1, the copy shows in the flag.
    expect(before).toEqual({ independentOrigins: 1, flags: { copiedWithoutCredit: false } });

    await page.goto(`${api.url}/desk/`);
    expect(await page.locator('#api-key').inputValue()).toBe(editorKey);
    await page.locator('#article-text').fill(reusedArticle);
    await page.locator('#article-publisher').fill('Strait Wire');
    await page.locator('#article-published').fill('2019-07-03');
    await page.locator('#extract').click();
    await page.locator('body[data-draft-status="open"]').waitFor({ timeout: 30_000 });
    await waitIdle(page);
    expect(await page.locator('#error').isHidden()).toBe(true);
    const { draftId } = await deskState(page);
    if (!draftId) throw new Error('no draft');
    const extracted = (await asEditor(COPIES_QUERY, { id: draftId })).draft;
    const proposal = extracted.copies.find((copy: any) => copy.source.id === SEED_ARTICLE);
    expect(proposal, JSON.stringify(extracted.copies)).toBeDefined();
    expect(proposal.passages).toHaveLength(2);

    // The section lists every proposal; the seed article's names it, its shares and dates.
    const section = page.locator('[data-testid="copies"]');
    expect(await section.locator('h2').innerText()).toBe(
      `Copied text (${extracted.copies.length})`,
    );
    const card = section.locator(`li.copy[data-source-id="${SEED_ARTICLE}"]`);
    expect(await card.locator('.copy-title').innerText()).toMatch(/^Untitled English news article/);
    expect(await card.locator('.badge').innerText()).toBe('proposed');
    const percent = (share: number) => `${Math.round(share * 100)} %`;
    expect(await card.locator('[data-testid="copy-shares"]').innerText()).toContain(
      `${percent(proposal.shareOfDraft)} of this article, ${percent(proposal.shareOfSource)} of the source`,
    );
    expect(proposal.publishedFirst).toBe('OTHER');
    expect(await card.locator('[data-testid="copy-published-first"]').innerText()).toBe(
      'the stored source, before this article',
    );

    // Two passages, each a row of two columns: this article's words left, the seed's right (with
    // its "14.000" where the copy writes "14,000", marked as reworded), each with a word count.
    const pairs = card.locator('[data-testid="copied-passage"]');
    expect(await pairs.count()).toBe(2);
    for (let index = 0; index < 2; index++) {
      const pair = pairs.nth(index);
      const passage = proposal.passages[index];
      expect(await pair.locator('.passage-number').innerText()).toBe(
        `Passage ${index + 1} · ${passage.words} words in common`,
      );
      const left = pair.locator('.passage-this');
      const right = pair.locator('.passage-other');
      expect(await left.locator('.passage-text').innerText()).toBe(passage.thisText);
      expect(await right.locator('.passage-text').innerText()).toBe(passage.otherText);
      // Both sides hold the same words, punctuation aside: each counts the passage's words.
      expect(await left.innerText()).toMatch(new RegExp(`\\b${passage.words} words$`));
      expect(await right.innerText()).toMatch(new RegExp(`\\b${passage.words} words$`));
      const [leftBox, rightBox] = [await left.boundingBox(), await right.boundingBox()];
      if (!leftBox || !rightBox) throw new Error('a passage column is not visible');
      expect(rightBox.x).toBeGreaterThanOrEqual(leftBox.x + leftBox.width);
      expect(Math.abs(rightBox.y - leftBox.y)).toBeLessThan(2);
    }
    const first = pairs.nth(0);
    expect(await first.locator('.passage-other .passage-text').innerText()).toContain(
      '14.000 servers',
    );
    expect(await first.locator('.passage-this .passage-text').innerText()).toContain(
      '14,000 servers',
    );
    expect(await first.locator('.passage-other mark.reworded').allInnerTexts()).toContain('14.000');

    // In the article, the copied words are marked, and only those: the marked pieces, in order,
    // spell the two passages; the legend says what the line means.
    const copiedPieces = await page.locator('#article .copied').allTextContents();
    expect(copiedPieces.join('')).toBe(
      extracted.copies
        .flatMap((copy: any) => copy.passages)
        .sort((a: any, b: any) => a.thisStart - b.thisStart)
        .map((passage: any) => passage.thisText)
        .join(''),
    );
    expect(await page.locator('#article .copied').first().getAttribute('title')).toContain(
      'copy link proposed',
    );
    expect(await page.locator('.legend .legend-copied').innerText()).toBe('copied text');
    // Attribution highlights inside the passages keep their decision fill and stance underline.
    expect(await page.locator('#article mark.hl.copied').count()).toBeGreaterThan(0);

    // A colleague accepts an item meanwhile: confirming on the stale revision is refused.
    await asEditor(
      `mutation ($d: ID!, $i: ID!) { updateDraftItem(draftId: $d, itemId: $i, update: { decision: ACCEPTED }) { revision } }`,
      { d: draftId, i: extracted.items[0].id },
      colleagueKey,
    );
    await card.locator('button', { hasText: 'Confirm copy link' }).click();
    await page.locator('#error').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid="error-code"]').innerText()).toBe('CONFLICT');
    expect(await page.locator('#error').innerText()).toContain('Saving the copy link failed');
    expect(await card.getAttribute('data-confirmed')).toBe('false');
    await page.locator('#error .error-action', { hasText: 'Reload the draft' }).click();
    await page.locator('[data-testid="count-accepted"]', { hasText: /^1$/ }).waitFor();
    await waitIdle(page);

    // Redone on the current revision, it is saved: the toggle now withdraws it.
    await card.locator('button', { hasText: 'Confirm copy link' }).click();
    await page
      .locator(`li.copy[data-source-id="${SEED_ARTICLE}"][data-confirmed="true"]`)
      .waitFor();
    await waitIdle(page);
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(await card.locator('.badge').innerText()).toBe('confirmed');
    expect(await card.locator('.copy-decision button').innerText()).toBe('Withdraw');
    expect(await page.locator('#article .copied').first().getAttribute('title')).toContain(
      'copy link confirmed',
    );
    const confirmed = (await asEditor(COPIES_QUERY, { id: draftId })).draft;
    expect(confirmed.copies.find((copy: any) => copy.source.id === SEED_ARTICLE).confirmed).toBe(
      true,
    );
    expect((await deskState(page)).revision).toBe(confirmed.revision);

    // Withdrawn and confirmed again, through the same toggle.
    await card.locator('button', { hasText: 'Withdraw' }).click();
    await page
      .locator(`li.copy[data-source-id="${SEED_ARTICLE}"][data-confirmed="false"]`)
      .waitFor();
    await waitIdle(page);
    expect(
      (await asEditor(COPIES_QUERY, { id: draftId })).draft.copies.find(
        (copy: any) => copy.source.id === SEED_ARTICLE,
      ).confirmed,
    ).toBe(false);
    await card.locator('button', { hasText: 'Confirm copy link' }).click();
    await page
      .locator(`li.copy[data-source-id="${SEED_ARTICLE}"][data-confirmed="true"]`)
      .waitFor();
    await waitIdle(page);

    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(screenshotDir, 'desk-copies.png') });

    // Clicking copied words outside every attribution (", " between two of them) brings their
    // proposal into view.
    await page.locator('#side-panel').evaluate((panel) => panel.closest('.left')?.scrollTo(0, 0));
    await page.locator('#article span.copied').first().click();
    await page.locator(`li.copy.flash[data-source-id="${SEED_ARTICLE}"]`).waitFor();
    expect(await card.isVisible()).toBe(true);

    await page.locator('#accept-all').click();
    await page.locator('[data-testid="count-pending"]', { hasText: /^0$/ }).waitFor();
    await waitIdle(page);
    await page.locator('#commit').click();
    await page.locator('[data-testid="commit-result"]').waitFor({ timeout: 30_000 });
    await waitIdle(page);
    expect(await page.locator('#error').isHidden()).toBe(true);
    // A committed draft's copy links can no longer change.
    expect(await card.locator('.copy-decision button').isDisabled()).toBe(true);

    // The commit wrote the copy link: the new article copies the seed article, uncredited.
    const committed = (
      await asEditor(`query ($id: ID!) { draft(id: $id) { committed { source { id } } } }`, {
        id: draftId,
      })
    ).draft.committed;
    const newSource = committed.source.id as string;
    const { source } = await asEditor(
      `query ($id: ID!) { source(id: $id) { copyLinks { copier { id } original { id } credited passages { words } } } }`,
      { id: newSource },
    );
    expect(source.copyLinks).toEqual([
      {
        copier: { id: newSource },
        original: { id: SEED_ARTICLE },
        credited: false,
        passages: proposal.passages.map((passage: any) => ({ words: passage.words })),
      },
    ]);

    // Sourcing follows the copy into the seed article's chain: one independent origin, copied
    // without credit, and the reasoning says so.
    const after = (
      await asEditor(
        `query ($id: ID!) { claim(id: $id) { sourcing {
          independentOrigins reasoning flags { copiedWithoutCredit uncreditedCopiers { id } }
          chains { hops { source { id } viaCopy } } } } }`,
        { id: SERVERS_CLAIM },
      )
    ).claim.sourcing;
    expect(after.independentOrigins).toBe(1);
    expect(after.flags).toEqual({
      copiedWithoutCredit: true,
      uncreditedCopiers: [{ id: newSource }],
    });
    expect(after.reasoning).toContain(
      `${newSource} copies ${SEED_ARTICLE} without credit: followed to ${SEED_ARTICLE}'s origin, not counted as an origin of its own`,
    );
    const viaCopy = after.chains.find((chain: any) => chain.hops[1]?.viaCopy);
    expect(viaCopy?.hops.slice(0, 2)).toEqual([
      { source: { id: newSource }, viaCopy: false },
      { source: { id: SEED_ARTICLE }, viaCopy: true },
    ]);

    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('says plainly when no stored source shares a passage with the article', async () => {
    const page = await context.newPage();
    const offHost = trackOffHostRequests(page, api.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const { createDraft } = await asEditor(
      `mutation ($input: CreateDraftInput!) { createDraft(input: $input) { id copies { source { id } } } }`,
      {
        input: {
          text: 'The harbour bridge will reopen in May, the transport ministry said on Monday.\n',
          publisher: 'Velmar Courier',
          published: '2025-03-06',
        },
      },
    );
    expect(createDraft.copies).toEqual([]);
    await page.goto(`${api.url}/desk/?draft=${createDraft.id}`);
    await page.locator('body[data-draft-status="open"]').waitFor({ timeout: 30_000 });
    await waitIdle(page);
    const section = page.locator('[data-testid="copies"]');
    expect(await section.locator('h2').innerText()).toBe('Copied text (0)');
    expect(await section.locator('[data-testid="copies-empty"]').innerText()).toContain(
      'No stored source shares a passage with this article',
    );
    expect(await page.locator('#article .copied').count()).toBe(0);

    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(serverLog).toEqual([]);
    await page.close();
  });
});
