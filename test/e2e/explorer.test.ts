import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { launchChromium, trackOffHostRequests } from '../support/browser.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

const screenshotDir = path.join(projectRoot, 'test-results');
const SERVERS_CLAIM = 'clm-us-servers-controlled-china-hosts-2018';
const DNC_CLAIM = 'clm-russian-state-involved-dnc-email-dump';

/** What the page exposes as `window.__explorer` (console/explore/src/main.ts), as far as used here. */
interface CyElement {
  id(): string;
  data(key: string): unknown;
  classes(): string[];
  style(name: string): string;
  source(): CyElement;
  target(): CyElement;
  renderedMidpoint(): { x: number; y: number };
}
interface ExplorerGlobal {
  __explorer: {
    cy: {
      nodes(): { map<T>(fn: (element: CyElement) => T): T[] };
      edges(): { map<T>(fn: (element: CyElement) => T): T[] };
      getElementById(id: string): CyElement;
    };
  };
}

interface DrawnNode {
  id: string;
  type: string;
  entityId: string;
  label: string;
  classes: string[];
  borderStyle: string;
}
interface DrawnEdge {
  id: string;
  type: string;
  stance: string | undefined;
  from: string;
  to: string;
  lineColour: string;
  lineStyle: string;
}

/** The graph as cytoscape holds it, with computed styles. */
async function drawnGraph(page: Page): Promise<{ nodes: DrawnNode[]; edges: DrawnEdge[] }> {
  return page.evaluate(() => {
    const { cy } = (globalThis as unknown as ExplorerGlobal).__explorer;
    return {
      nodes: cy.nodes().map((node) => ({
        id: node.id(),
        type: String(node.data('type')),
        entityId: String(node.data('entityId')),
        label: String(node.data('label')),
        classes: node.classes(),
        borderStyle: node.style('border-style'),
      })),
      edges: cy.edges().map((edge) => ({
        id: edge.id(),
        type: String(edge.data('type')),
        stance: edge.data('stance') as string | undefined,
        from: edge.source().id(),
        to: edge.target().id(),
        lineColour: edge.style('line-color'),
        lineStyle: edge.style('line-style'),
      })),
    };
  });
}

/** Clicks the middle of a drawn edge, as a user would. */
async function clickEdge(page: Page, edgeId: string): Promise<void> {
  const point = await page.evaluate(
    (id) =>
      (globalThis as unknown as ExplorerGlobal).__explorer.cy.getElementById(id).renderedMidpoint(),
    edgeId,
  );
  const box = await page.locator('#graph').boundingBox();
  if (!box) throw new Error('#graph is not visible');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

function rgb(colour: string): [number, number, number] {
  const match = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(colour);
  if (!match) throw new Error(`not an rgb() colour: ${colour}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const waitForClaim = (page: Page, claimId: string) =>
  page
    .locator(`#graph[data-state="ready"][data-claim-id="${claimId}"]`)
    .waitFor({ state: 'attached', timeout: 30_000 });

// A real headless Chromium (Debian's package) against the real server and Neo4j.
describe('Claim explorer at /explore', () => {
  let database: TestDatabase;
  let api: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    api = await startTestServer(database.executor);
    browser = await launchChromium();
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database?.close();
  });

  it('serves the built explorer under /explore/', async () => {
    const redirect = await fetch(`${api.url}/explore`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/explore/');
    const index = await fetch(`${api.url}/explore/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>claimgraph — explorer</title>');
  });

  it('finds the CNCERT server-count claim by search and draws its sourcing chain', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const offHost = trackOffHostRequests(page, api.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${api.url}/explore/`);
    expect(await page.title()).toBe('claimgraph — explorer');
    await page.locator('#search-input').fill('14.000 servers');
    await page.locator('#search-input').press('Enter');
    const result = page.locator(`#results a.result[data-claim-id="${SERVERS_CLAIM}"]`);
    await result.click({ timeout: 30_000 });
    await waitForClaim(page, SERVERS_CLAIM);
    expect(new URL(page.url()).searchParams.get('claim')).toBe(SERVERS_CLAIM);

    const { nodes, edges } = await drawnGraph(page);
    const sources = nodes.filter((node) => node.type === 'source').map((node) => node.entityId);
    expect(sources).toEqual(
      expect.arrayContaining([
        'src-article',
        'src-global-times-report',
        'src-xinhua-report',
        'src-cncert-annual-report-2018',
      ]),
    );
    // The chain, hop to hop: article → Global Times → Xinhua → CNCERT's report.
    const cites = edges.filter((edge) => edge.type === 'cites').map((e) => `${e.from} ${e.to}`);
    expect(cites).toEqual(
      expect.arrayContaining([
        'source:src-article source:src-global-times-report',
        'source:src-global-times-report source:src-xinhua-report',
        'source:src-xinhua-report source:src-cncert-annual-report-2018',
      ]),
    );
    const origin = nodes.find((node) => node.entityId === 'src-cncert-annual-report-2018');
    expect(origin?.classes).toEqual(expect.arrayContaining(['origin', 'primary']));
    expect(origin?.label).toContain('PRIMARY ORIGIN');

    const cncert = nodes.find((node) => node.type === 'actor' && node.entityId === 'act-cncert');
    expect(cncert?.label).toContain('CNCERT');
    const cncertSays = edges.find(
      (edge) => edge.type === 'attribution' && edge.from === 'actor:act-cncert',
    );
    expect(cncertSays?.stance).toBe('ASSERTS');
    expect(cncertSays?.to).toBe(`claim:${SERVERS_CLAIM}`);

    // The summary: one independent origin, no circular chain.
    await expect
      .poll(() => page.locator('[data-testid="independent-origins"]').innerText())
      .toBe('1');
    expect(await page.locator('[data-testid="circular"]').innerText()).toBe('no');
    expect(await page.locator('[data-testid="warnings"]').innerText()).toMatch(
      /only through outlets or agencies affiliated with China/,
    );

    // Clicking CNCERT's attribution shows the verbatim quote and where it sits in the article.
    await clickEdge(page, 'attribution:att-cncert-servers-hosts');
    const details = page.locator('#details .details[data-type="attribution"]');
    await details.waitFor({ timeout: 10_000 });
    const text = await details.innerText();
    expect(text).toContain('The CNCERT said that in 2018. 14.000 servers');
    expect(text).toContain('160–362 in Untitled English news article');
    expect(text).toContain('said');

    await page.screenshot({ path: path.join(screenshotDir, 'explorer-cncert-chain.png') });
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('draws the denials of Russian state involvement in the DNC email dump in red', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const offHost = trackOffHostRequests(page, api.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${api.url}/explore/?claim=${DNC_CLAIM}`);
    await waitForClaim(page, DNC_CLAIM);

    const { nodes, edges } = await drawnGraph(page);
    const denials = edges.filter((edge) => edge.type === 'attribution' && edge.stance === 'DENIES');
    expect(denials.length).toBeGreaterThanOrEqual(2);
    for (const denial of denials) {
      const [red, green, blue] = rgb(denial.lineColour);
      expect(red).toBeGreaterThan(180);
      expect(green).toBeLessThan(90);
      expect(blue).toBeLessThan(90);
    }
    const deniers = denials.map((edge) => nodes.find((node) => node.id === edge.from));
    expect(deniers.map((node) => node?.entityId).sort()).toEqual(['act-assange', 'act-wikileaks']);
    expect(deniers.some((node) => node?.label.includes('WikiLeaks'))).toBe(true);
    expect(deniers.some((node) => node?.label.includes('Julian Assange'))).toBe(true);

    // WikiLeaks' "it wasn't a state party" contradicts the claim: a dashed purple edge.
    const contradiction = edges.find((edge) => edge.type === 'contradicts');
    expect(contradiction?.from).toBe('claim:clm-dnc-email-source-not-state-party');
    expect(contradiction?.lineStyle).toBe('dashed');
    const [red, green, blue] = rgb(contradiction?.lineColour ?? '');
    expect(blue).toBeGreaterThan(red);
    expect(red).toBeGreaterThan(green);

    await clickEdge(page, 'attribution:att-wikileaks-denies-russian-state-dnc-dump');
    const details = page.locator('#details .details[data-type="attribution"]');
    await details.waitFor({ timeout: 10_000 });
    const text = await details.innerText();
    expect(text).toContain('consistently denied Russian state involvement');
    expect(text).toContain('in late 2016');
    expect(text).toContain('2016-10/2016-12');
    expect(text).toContain('4017–4134 in Untitled English news article');

    await page.screenshot({ path: path.join(screenshotDir, 'explorer-denials.png') });
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('opens the same query in GraphiQL', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 4000 } });
    const offHost = trackOffHostRequests(page, api.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${api.url}/explore/?claim=${DNC_CLAIM}`);
    await waitForClaim(page, DNC_CLAIM);
    const href = await page.locator('#graphiql-link').getAttribute('href');
    expect(href).toMatch(/^\/graphiql\/\?query=/);
    const query = new URLSearchParams(href?.split('?')[1]).get('query') ?? '';
    expect(query).toContain(`claim(id: "${DNC_CLAIM}")`);
    // It is the query the explorer ran: GraphiQL's answer names the deniers.
    const direct = await api.graphql(query);
    expect(JSON.stringify(direct.body.data)).toContain('act-wikileaks');

    await page.goto(`${api.url}${href}`);
    const editor = page.locator('section[aria-label="Operation Editor"] .view-lines');
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    await expect
      .poll(async () => (await editor.innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 })
      .toContain(`claim(id: "${DNC_CLAIM}")`);
    await page.getByRole('button', { name: /^Execute query/ }).click();
    const result = page.locator('section[aria-label="Result Window"]');
    await expect
      .poll(async () => (await result.innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 })
      .toContain('act-wikileaks');

    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
