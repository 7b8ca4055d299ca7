import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config/config.js';

/** The fixture that reuses two of the seed article's paragraphs, recorded as this source. */
export const REUSED_SOURCE_ID = 'src-singapore-wire-2019-07-03';
/** Its title. */
export const REUSED_SOURCE_TITLE = 'Chinese officials step up criticism of US cyber activity';
/** Its text: two seed paragraphs with the damage undone, framed by sentences of our own. */
export const reusedSourceText = readFileSync(
  path.join(projectRoot, 'test/fixtures/reuse/seed-paragraphs-reused.article.txt'),
  'utf8',
);

/** Runs one GraphQL request as an editor and returns its data (failing the test on errors). */
export type EditorRequest = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<unknown>;

/**
 * Records the reusing text as a new source carrying the seed's server and IP-address claims
 * (one CNCERT attribution each), through the API, as the reuse tests need it.
 */
export async function recordReusedSource(asEditor: EditorRequest): Promise<void> {
  await asEditor(`mutation ($input: RecordSourceInput!) { recordSource(input: $input) { id } }`, {
    input: {
      id: REUSED_SOURCE_ID,
      kind: 'ARTICLE',
      title: REUSED_SOURCE_TITLE,
      text: reusedSourceText,
      published: { raw: 'July 3', value: '2019-07-03', precision: 'DAY', basis: 'Dateline.' },
    },
  });
  for (const [id, claimId, quote] of [
    [
      'att-singapore-wire-cncert-servers',
      'clm-us-servers-controlled-china-hosts-2018',
      'The CNCERT said that in 2018, 14,000 servers in the US infected by a Trojan virus or botnet controlled 3.34 million host computers in China',
    ],
    [
      'att-singapore-wire-cncert-ip-addresses',
      'clm-us-ip-addresses-infected-china-websites-2018',
      'In 2018, 3,325 US IP addresses with the Trojan virus infected 3,607 Chinese websites, an increase of 43 percent compared with 2017, CNCERT added',
    ],
  ] as const)
    await asEditor(
      `mutation ($input: RecordAttributionInput!) { recordAttribution(input: $input) { id } }`,
      {
        input: {
          id,
          actorId: 'act-cncert',
          claimId,
          sourceId: REUSED_SOURCE_ID,
          stance: 'ASSERTS',
          quote,
          cue: 'said',
          speech: 'INDIRECT',
        },
      },
    );
}
