import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { apiKeyStore, createApiKey } from '../../src/auth/apiKeys.js';
import { openTestDatabase, type TestDatabase } from './testDatabase.js';
import { startTestServer, type GraphQLBody, type TestServer } from './testServer.js';

/** A seeded test database behind the API, with an editor key named `test-editor`. */
export interface EditorApi {
  readonly database: TestDatabase;
  readonly api: TestServer;
  readonly editorKey: string;
  /** The server's log lines. */
  readonly serverLog: string[];
  /** Sends a query or mutation with the editor key; the whole answer. */
  asEditor(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody>;
  /** Sends it with the editor key and expects no errors; the data. */
  editorData(query: string, variables?: Record<string, unknown>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON.
  close(): Promise<void>;
}

/**
 * Resets the test database to the seed graph and starts the API on it with a fresh key file
 * holding one editor key (reads open): the set-up of the tests that edit through the API.
 */
export async function startEditorApi(): Promise<EditorApi> {
  const database = await openTestDatabase();
  await database.resetAndSeed();
  const keysFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'claimgraph-keys-')), 'keys.json');
  const editorKey = createApiKey(keysFile, 'test-editor', 'editor');
  const serverLog: string[] = [];
  const api = await startTestServer(database.executor, serverLog, {
    apiKeys: apiKeyStore(keysFile),
    readsRequireKey: false,
  });
  const asEditor = async (query: string, variables?: Record<string, unknown>) =>
    (await api.graphql(query, variables, { authorization: `Bearer ${editorKey}` })).body;
  return {
    database,
    api,
    editorKey,
    serverLog,
    asEditor,
    async editorData(query, variables) {
      const body = await asEditor(query, variables);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data;
    },
    async close() {
      await api.close();
      await database.close();
    },
  };
}
