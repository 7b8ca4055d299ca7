import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { projectRoot } from '../../src/config/config.js';
import {
  recordReusedSource,
  REUSED_SOURCE_ID,
  REUSED_SOURCE_TITLE,
} from '../support/reusedSource.js';
import { launchChromium, trackOffHostRequests } from '../support/browser.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

const screenshotDir = path.join(projectRoot, 'test-results');
const COPY_ID = REUSED_SOURCE_ID;
const COPY_TITLE = REUSED_SOURCE_TITLE;
const SERVERS_CLAIM = 'clm-us-servers-controlled-china-hosts-2018';
const COPY_EDGE = `copies:${COPY_ID}->src-article`;

/** What the page exposes as `window.__explorer` (console/explore/src/main.ts), as far as used here. */
interface CyElement {
  id(): string;
  empty(): boolean;
  data(key: string): unknown;
  classes(): string[];
  style(name: string): string;
  source(): CyElement;
  target(): CyElement;
  renderedMidpoint(): { x: number; y: number };
  renderedPosition(): { x: number; y: number };
}
interface ExplorerGlobal {
  __explorer: {
    cy: {
      edges(): { map<T>(fn: (element: CyElement) => T): T[] };
      getElementById(id: string): CyElement;
    };
  };
}

interface DrawnEdge {
  id: string;
  type: string;
  label: string;
  from: string;
  to: string;
  lineColour: string;
  lineStyle: string;
  width: string;
  outlineWidth: string;
}

async function drawnEdges(page: Page): Promise<DrawnEdge[]> {
  return page.evaluate(() =>
    (globalThis as unknown as ExplorerGlobal).__explorer.cy.edges().map((edge) => ({
      id: edge.id(),
      type: String(edge.data('type')),
      label: String(edge.data('label')),
      from: edge.source().id(),
      to: edge.target().id(),
      lineColour: edge.style('line-color'),
      lineStyle: edge.style('line-style'),
      width: edge.style('width'),
      outlineWidth: edge.style('line-outline-width'),
    })),
  );
}

/** Clicks the middle of a drawn edge or node, as a user would. */
async function clickElement(page: Page, elementId: string): Promise<void> {
  const point = await page.evaluate((id) => {
    const element = (globalThis as unknown as ExplorerGlobal).__explorer.cy.getElementById(id);
    return id.startsWith('source:') ? element.renderedPosition() : element.renderedMidpoint();
  }, elementId);
  const box = await page.locator('#graph').boundingBox();
  if (!box) throw new Error('#graph is not visible');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

// A wire story reuses two paragraphs of the seed article; once an editor confirms the copy link,
// the explorer draws it as its own kind of edge and shows the shared passages side by side.
// Real Neo4j, real Chromium.
describe('Explorer: copy links (hidden sourcing)', () => {
  let database: TestDatabase;
  let api: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    const keysFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimgraph-copies-')), 'k.json');
    const editorKey = createApiKey(keysFile, 'explorer-copy-editor', 'editor');
    api = await startTestServer(database.executor, [], {
      apiKeys: apiKeyStore(keysFile),
      readsRequireKey: false,
    });
    const asEditor = async (query: string, variables?: Record<string, unknown>) => {
      const { body } = await api.graphql(query, variables, {
        authorization: `Bearer ${editorKey}`,
      });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data;
    };
    await recordReusedSource(asEditor);
    await asEditor(
      `mutation { recordCopy(copierId: "${COPY_ID}", originalId: "src-article") { copier { id } } }`,
    );
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database?.close();
  });

  it('draws the copy link in its own style and shows the shared passages side by side', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const offHost = trackOffHostRequests(page, api.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${api.url}/explore/?claim=${SERVERS_CLAIM}`);
    await page
      .locator(`#graph[data-state="ready"][data-claim-id="${SERVERS_CLAIM}"]`)
      .waitFor({ state: 'attached', timeout: 30_000 });

    // copier → original, not a citation, and drawn unlike one.
    const edges = await drawnEdges(page);
    const copies = edges.find((edge) => edge.id === COPY_EDGE);
    expect(copies, JSON.stringify(edges.map((edge) => edge.id))).toMatchObject({
      type: 'copies',
      label: 'copies (no credit)',
      from: `source:${COPY_ID}`,
      to: 'source:src-article',
    });
    expect(edges.some((edge) => edge.id === `cites:${COPY_ID}->src-article`)).toBe(false);
    const cites = edges.find((edge) => edge.type === 'cites');
    expect(cites).toBeDefined();
    expect(copies!.lineColour !== cites!.lineColour || copies!.lineStyle !== cites!.lineStyle).toBe(
      true,
    );
    expect(copies!.outlineWidth).not.toBe(cites!.outlineWidth);

    // The claim's warnings name the copier.
    const warning = page.locator('[data-testid="warnings"] [data-testid="copied-without-credit"]');
    expect(await warning.innerText()).toBe(`copied without credit: ${COPY_TITLE}`);
    expect(await warning.locator('[data-source-id]').getAttribute('data-source-id')).toBe(COPY_ID);

    // Clicking the edge: both versions of each passage, copier left, original right.
    await clickElement(page, COPY_EDGE);
    const details = page.locator('#details .details[data-type="copies"]');
    await details.waitFor({ timeout: 10_000 });
    const link = details.locator(
      `[data-testid="copy-link"][data-copier="${COPY_ID}"][data-original="src-article"]`,
    );
    const passages = link.locator('[data-testid="shared-passage"]');
    // Both reused paragraphs, one row each.
    expect(await passages.count()).toBe(2);
    const first = passages.first();
    const copierText = await first.locator('.passage-copier .passage-text').innerText();
    const originalText = await first.locator('.passage-original .passage-text').innerText();
    expect(copierText).toContain('14,000 servers');
    expect(originalText).toContain('14.000 servers');
    // Side by side: the copier's column left of the original's, on the same row.
    const left = await first.locator('.passage-copier').boundingBox();
    const right = await first.locator('.passage-original').boundingBox();
    expect(left && right && left.x + left.width <= right.x).toBe(true);
    expect(left && right && Math.abs(left.y - right.y) < 2).toBe(true);
    expect(await first.locator('.passage-copier .offsets').innerText()).toMatch(
      /^characters \d+–\d+$/,
    );
    // The reworded figure is marked on both sides.
    expect(await first.locator('.passage-copier mark').allInnerTexts()).toContain('14,000');
    expect(await first.locator('.passage-original mark').allInnerTexts()).toContain('14.000');
    expect(await link.locator('[data-testid="share-of-copier"]').innerText()).toMatch(/^\d+% /);
    expect(await link.locator('[data-testid="credited"]').innerText()).toMatch(/^no\b/);
    expect(await link.locator('[data-testid="copy-provenance"]').innerText()).toContain(
      'explorer-copy-editor',
    );

    // The passages, not the facts above them, in view for the screenshot.
    await link.locator('.passages').evaluate((passagesBox) => passagesBox.scrollIntoView());
    await page.screenshot({ path: path.join(screenshotDir, 'explorer-copy-link.png') });

    // The copier's own details list the link with its passages too.
    await clickElement(page, `source:${COPY_ID}`);
    const source = page.locator('#details .details[data-type="source"]');
    await source.waitFor({ timeout: 10_000 });
    expect(await source.locator('h3').first().innerText()).toBe(COPY_TITLE);
    expect(
      await source
        .locator(`[data-testid="copy-link"][data-original="src-article"] .passage-original`)
        .first()
        .innerText(),
    ).toContain('14.000 servers');
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
