import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../src/auth/apiKeys.js';
import { projectRoot } from '../../src/config/config.js';
import { readKnownActors } from '../../src/db/knownActorsQuery.js';
import type { KnownActor } from '../../src/extract/articleInput.js';
import { extractArticle } from '../../src/extract/extractArticle.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';

// The claimgraph desk and reuse commands, run as a user would, against the test Neo4j.
describe('the desk and reuse commands', () => {
  let database: TestDatabase;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-desk-cli-'));
  const keysFile = path.join(dir, 'api-keys.json');
  const editorKey = createApiKey(keysFile, 'cli-desk-editor', 'editor');
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_PASSWORD: 'unused-auth-is-off',
        CLAIMGRAPH_API_KEYS_FILE: keysFile,
        CLAIMGRAPH_API_KEY: editorKey,
      },
      timeout: 120_000,
    });

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
  });
  afterAll(() => database.close());

  it('commits a reviewed draft file, then finds nothing new to write the second time', async () => {
    const textFile = path.join(dir, 'followup.article.txt');
    copyFileSync(
      path.join(projectRoot, 'test/fixtures/desk/servers-via-xinhua.article.txt'),
      textFile,
    );
    const known = (await readKnownActors(database.executor)) as KnownActor[];
    const draft = extractArticle(
      {
        text: readFileSync(textFile, 'utf8'),
        publisher: 'Bay Ledger',
        published: '2019-06-13',
        textFile: 'followup.article.txt',
      },
      { knownActors: known },
    );
    const file = path.join(dir, 'followup.draft.yaml');
    writeFileSync(file, stringify(draft));
    const first = cli('desk', 'commit', file);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/committed draft-[a-z0-9-]+ as cli-desk-editor/);
    // The extractor names the article src-article, which the seed graph holds: renamed.
    expect(first.stdout).toMatch(/renamed src-article → src-article-/);
    const second = cli('desk', 'commit', file);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/nodes 0 created, 0 updated/);
    expect(second.stdout).toMatch(/relationships 0 created/);
  });

  it('refuses a draft file with a problem, naming it, and writes nothing', async () => {
    const file = path.join(dir, 'broken.draft.yaml');
    writeFileSync(
      file,
      'format: claimgraph-seed/1\nid: broken\nenteredBy: x\nclaims: [{ id: nope }]\n',
    );
    const result = cli('desk', 'commit', file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BAD_USER_INPUT');
    expect(result.stderr).toContain('claims[0] (nope)');
  });

  it('prints the passages a text shares with stored sources', () => {
    const result = cli(
      'reuse',
      path.join(projectRoot, 'test/fixtures/reuse/seed-paragraphs-reused.article.txt'),
      '--json',
    );
    expect(result.status, result.stderr).toBe(0);
    const shared = JSON.parse(result.stdout) as { sourceId: string; passages: unknown[] }[];
    expect(shared.find((entry) => entry.sourceId === 'src-article')?.passages).toHaveLength(2);
    expect(cli('reuse').status).toBe(2);
  });

  it('refreshes stale fingerprints with reuse --all', async () => {
    await database.executor.write({
      name: 'staleFingerprints',
      cypher: `MATCH (s:Source {id: 'src-article'}) SET s.fingerprintScheme = 'old-scheme'`,
    });
    const result = cli('reuse', '--all');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/fingerprinted 1 source\(s\)/);
    const [row] = await database.executor.read({
      name: 'scheme',
      cypher: `MATCH (s:Source {id: 'src-article'}) RETURN s.fingerprintScheme AS scheme`,
    });
    expect(row?.scheme).toMatch(/^winnow-words-k4-w5/);
  });
});
