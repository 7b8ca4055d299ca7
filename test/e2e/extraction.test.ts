import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../src/config/config.js';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

// Extraction's two entry points: Query.extractArticle (speakers resolved against the real graph,
// nothing written) and `claimgraph extract` (drafts beside the files, checked like seeds).

const story =
  'Special Counsel Robert Meuller said on Tuesday that the inquiry was over. ' +
  '"We have found what we were asked to find," a spokesman for the inquiry said.';

describe('Query.extractArticle', () => {
  let database: TestDatabase;
  let api: TestServer;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.resetAndSeed();
    api = await startTestServer(database.executor);
  });
  afterAll(async () => {
    await api.close();
    await database.close();
  });

  const query = `query ($input: ExtractArticleInput!) {
    extractArticle(input: $input) {
      extractorVersion words seedYaml
      attributions { actorId stance speech cue quote quoteStart quoteEnd quotedWords { text start end } said { raw value precision } confidence evidence { rule start end } }
      actors { id name anonymous existing reason score }
      claims { id text }
    }
  }`;

  it('proposes a draft, resolving speakers against the graph, and writes nothing', async () => {
    const count = async () =>
      (await database.executor.read({ name: 'count', cypher: 'MATCH (n) RETURN count(n) AS n' }))[0]
        ?.n;
    const before = await count();
    const { status, body } = await api.graphql(query, {
      input: { text: story, published: '2019-06-12' },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const draft = body.data?.extractArticle as {
      words: number;
      seedYaml: string;
      attributions: {
        actorId: string;
        stance: string;
        speech: string;
        quote: string;
        quoteStart: number;
        quoteEnd: number;
        quotedWords: { text: string }[];
        said: { value: string } | null;
      }[];
      actors: { id: string; anonymous: boolean; existing: boolean; reason: string }[];
    };
    expect(draft.words).toBe(story.split(/\s+/).length);
    const [mueller, spokesman] = draft.attributions;
    expect(mueller).toMatchObject({
      actorId: 'act-mueller',
      stance: 'ASSERTS',
      speech: 'INDIRECT',
      said: { value: '2019-06-11' },
    });
    expect(story.slice(mueller?.quoteStart, mueller?.quoteEnd)).toBe(mueller?.quote);
    expect(spokesman?.speech).toBe('DIRECT');
    expect(spokesman?.quotedWords.map((words) => words.text)).toEqual([
      'We have found what we were asked to find,',
    ]);
    const muellerActor = draft.actors.find((actor) => actor.id === 'act-mueller');
    expect(muellerActor).toMatchObject({ existing: true });
    expect(muellerActor?.reason).toContain('Meuller');
    expect(draft.actors.find((actor) => actor.id === spokesman?.actorId)).toMatchObject({
      anonymous: true,
      existing: false,
    });
    expect((parse(draft.seedYaml) as { format: string }).format).toBe('claimgraph-seed/1');
    expect(await count()).toEqual(before);
  });

  it('refuses empty text and a bad date with BAD_USER_INPUT', async () => {
    for (const input of [
      { text: '  ' },
      { text: story, published: '12 June 2019' },
      { text: story, url: 'ftp://x' },
    ]) {
      const { body } = await api.graphql(query, { input });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.data).toBeNull();
    }
  });
});

describe('claimgraph extract', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'extract', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('writes a draft of the seed article that seed validate accepts', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-extract-'));
    const article = path.join(folder, 'cncert-2019.article.txt');
    copyFileSync(path.join(projectRoot, 'seeds/cncert-2019.article.txt'), article);
    const run = cli([article, '--published', '2019-06-12', '--publisher', 'Global Times']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok /);
    const draftFile = `${article}.draft.yaml`;
    const validate = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'seed', 'validate', draftFile],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );
    expect(validate.status).toBe(0);
    const draft = parse(readFileSync(draftFile, 'utf8')) as {
      sources: { id: string; publisher?: string }[];
    };
    expect(draft.sources.find((source) => source.id === 'src-article')?.publisher).toBe(
      'act-global-times',
    );
  });

  it('spreads a batch over worker threads and reports each file', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-extract-batch-'));
    const files = ['one', 'two', 'three'].map((name, index) => {
      const file = path.join(folder, `${name}.txt`);
      writeFileSync(
        file,
        `The port authority said on Monday that ${index + 2} cranes had failed.\n`,
      );
      return file;
    });
    const run = cli([...files, '--published', '2024-05-15', '--json']);
    expect(run.status).toBe(0);
    for (const file of files) expect(existsSync(`${file}.draft.json`)).toBe(true);
    expect(run.stderr.match(/^\[\d\/3\]/gm)).toHaveLength(3);
  });

  it('refuses a bad date before reading anything', () => {
    const run = cli(['missing.txt', '--published', 'yesterday']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--published must be a date YYYY-MM-DD');
  });
});
