import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { commitDraft, createDraft, updateDraftItems } from '../../src/desk/deskService.js';
import { launchChromium, trackOffHostRequests } from '../support/browser.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

const screenshotDir = path.join(projectRoot, 'test-results');
const IP_CLAIM = 'clm-us-ip-addresses-infected-china-websites-2018';

// After an outlet repeats a seed claim with another figure through the desk, the explorer's claim
// panel names both values and the sources that state them. Real Neo4j, real Chromium.
describe('Explorer: figure conflicts after a desk commit', () => {
  let database: TestDatabase;
  let api: TestServer;
  let browser: Browser;
  let newSource: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    const editor = { name: 'explorer-test-editor', role: 'editor' } as const;
    const draft = await createDraft(database.executor, editor, {
      text: readFileSync(
        path.join(projectRoot, 'test/fixtures/desk/ip-addresses-restated.article.txt'),
        'utf8',
      ),
      publisher: 'Harbour Post',
      published: '2019-06-14',
      title: 'US addresses behind malware on Chinese sites',
    });
    const item = draft.extracted.attributions.find((a) => a.actor === 'act-cncert')!;
    await updateDraftItems(database.executor, editor, draft.id, [item.id], {
      decision: 'accepted',
      claimMatchId: IP_CLAIM,
    });
    const committed = await commitDraft(database.executor, editor, draft.id);
    newSource = committed.committed!.sourceId;
    api = await startTestServer(database.executor);
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database?.close();
  });

  it('shows the conflicting figures with the source of each value', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const offHost = trackOffHostRequests(page, api.url);
    await page.goto(`${api.url}/explore/?claim=${IP_CLAIM}`);
    await page
      .locator(`#graph[data-state="ready"][data-claim-id="${IP_CLAIM}"]`)
      .waitFor({ state: 'attached', timeout: 30_000 });
    const conflict = page.locator('[data-testid="figure-conflict"][data-unit="IP addresses"]');
    await conflict.waitFor({ timeout: 10_000 });
    const text = await conflict.innerText();
    expect(text).toContain('3,325');
    expect(text).toContain('3,525');
    expect(text).toContain('US addresses behind malware on Chinese sites');
    const values = await conflict
      .locator('.stated-figure')
      .evaluateAll((spans) => spans.map((span) => span.getAttribute('data-value')));
    expect(values).toEqual(['3325', '3525']);
    expect(newSource).toMatch(/^src-harbour-post-/);
    await page.screenshot({ path: path.join(screenshotDir, 'explorer-figure-conflict.png') });
    expect(offHost).toEqual([]);
  });
});
