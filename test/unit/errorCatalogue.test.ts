import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/config.js';
import { errorCatalogue } from '../../src/errors/errorCatalogue.js';
import { queryLimits } from '../../src/graphql/queryLimits.js';

// Prettier pads table cells; compare with runs of spaces collapsed.
const docs = readFileSync(path.join(projectRoot, 'docs/errors.md'), 'utf8').replace(/ {2,}/g, ' ');

describe('docs/errors.md', () => {
  it('documents every code of the catalogue with its HTTP status and meaning, and no other', () => {
    const documented = [...docs.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \| ([^|]+) \|/gm)].map(
      (match) => ({
        code: match[1],
        status: Number(match[2]),
        meaning: match[3]!.trim(),
      }),
    );
    const catalogue = Object.entries(errorCatalogue).map(([code, entry]) => ({
      code,
      status: entry.httpStatus,
      meaning: entry.meaning,
    }));
    expect(documented).toEqual(catalogue);
  });

  it('states the query limits the server enforces', () => {
    expect(docs).toContain(`| query depth | ${queryLimits.maxDepth} levels`);
    expect(docs).toContain(`| aliases per operation | ${queryLimits.maxAliases} |`);
    expect(docs).toContain(`| tokens per document | ${queryLimits.maxTokens} |`);
    expect(docs).toContain(`| query cost (graphql-armor's estimate) | ${queryLimits.maxCost} |`);
  });
});
