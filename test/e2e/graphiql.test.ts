import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { launchChromium, trackOffHostRequests } from '../support/browser.js';
import { exampleQuery, exampleQueryFiles } from '../support/exampleQueries.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

const screenshotDir = path.join(projectRoot, 'test-results');

// A real headless Chromium (Debian's package) against the real server and Neo4j.
describe('GraphiQL at /graphiql', () => {
  let database: TestDatabase;
  let api: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    api = await startTestServer(database.executor);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database?.close();
  });

  it('runs the default query and shows the CNCERT sourcing chain, with no request leaving localhost', async () => {
    // Tall enough that Monaco renders the whole result (it only draws visible lines).
    const page = await browser.newPage({ viewport: { width: 1600, height: 4000 } });
    const offHost = trackOffHostRequests(page, api.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${api.url}/graphiql/`);
    const editor = page.locator('section[aria-label="Operation Editor"] .view-lines');
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    // The default tab holds the saved example 01: the sourcing chain of the server-count claim.
    expect((await editor.innerText()).replace(/\u00a0/g, ' ')).toContain(
      'clm-us-servers-controlled-china-hosts-2018',
    );

    await page.getByRole('button', { name: /^Execute query/ }).click();
    const result = page.locator('section[aria-label="Result Window"]');
    await expect
      .poll(async () => (await result.innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 })
      .toContain('src-cncert-annual-report-2018');
    const text = (await result.innerText()).replace(/\u00a0/g, ' ');
    expect(text).toContain('src-xinhua-report');
    expect(text).toContain('src-global-times-report');

    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, 'graphiql-sourcing-chain.png') });
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('offers every saved example query', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/graphiql/`);
    const titles = page.locator('.cg-examples .cg-example-title');
    await titles.first().waitFor({ timeout: 30_000 });
    const saved = exampleQueryFiles().map(
      (file) => /^# Title: (.*)$/m.exec(exampleQuery(file.slice(0, 3)))?.[1],
    );
    expect(saved.length).toBeGreaterThanOrEqual(6);
    expect(await titles.allInnerTexts()).toEqual(saved);
  });
});
