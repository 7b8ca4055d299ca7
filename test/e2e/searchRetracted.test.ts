import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditorApi, type EditorApi } from '../support/editorApi.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are walked as JSON. */

// A made-up word, in quotes only: the retracted quotes say it three times, the standing one once,
// so the full-text index ranks every retracted quote above the standing one.
const strong = 'Officials said the zorblat zorblat zorblat plan';
const weak = 'Officials said the zorblat plan was dropped';
const text = [1, 2, 3].map((n) => `${strong} ${n}.`).join(' ') + ` ${weak}.`;

describe('search with retracted quotes', () => {
  let editor: EditorApi;
  const asEditor = (query: string, variables?: Record<string, unknown>) =>
    editor.editorData(query, variables);

  beforeAll(async () => {
    editor = await startEditorApi();
    await asEditor(
      `mutation ($text: String!) { recordSource(input: { id: "src-zorblat", kind: STATEMENT,
         title: "Statement on the plan", text: $text }) { id } }`,
      { text },
    );
    await asEditor(
      `mutation { recordClaim(input: { id: "clm-plan-dropped", text: "The plan was dropped." }) { id } }`,
    );
    const quotes = [1, 2, 3].map((n) => `${strong} ${n}`).concat(weak);
    for (const [i, quote] of quotes.entries())
      await asEditor(
        `mutation ($quote: String!, $id: ID!) { recordAttribution(input: { id: $id,
           actorId: "act-us-officials", claimId: "clm-plan-dropped", sourceId: "src-zorblat",
           stance: ASSERTS, quote: $quote, cue: "said", speech: INDIRECT }) { id } }`,
        { quote, id: `att-zorblat-${i + 1}` },
      );
    for (const n of [1, 2, 3])
      await asEditor(
        `mutation { retractAttribution(id: "att-zorblat-${n}", reason: "test: withdrawn") { id } }`,
      );
  });
  afterAll(async () => {
    await editor.close();
  });

  it('still finds `first` standing quotes when the best matches are retracted', async () => {
    const all = await asEditor(
      `{ search(text: "zorblat", first: 4, includeRetracted: true) { kind id } }`,
    );
    expect(
      all.search
        .map((hit: any) => hit.id)
        .slice(0, 3)
        .sort(),
    ).toEqual(['att-zorblat-1', 'att-zorblat-2', 'att-zorblat-3']);
    const standing = await asEditor(`{ search(text: "zorblat", first: 1) { kind id } }`);
    expect(standing.search).toEqual([{ kind: 'QUOTE', id: 'att-zorblat-4' }]);
  });
});
