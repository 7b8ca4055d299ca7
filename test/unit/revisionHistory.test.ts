import { describe, expect, it } from 'vitest';
import { fieldChanges, revisionHistory } from '../../src/domain/revisionHistory.js';

describe('revision history', () => {
  const original = {
    id: 'att-x',
    revision: 1,
    stance: 'asserts',
    actorId: 'act-a',
    enteredBy: 'curators',
    enteredVia: 'seed:x (x.seed.yaml)',
    enteredAt: '2026-01-01T00:00:00.000Z',
    contentHash: 'aaa',
  };
  const corrected = {
    ...original,
    revision: 2,
    actorId: 'act-b',
    contentHash: 'bbb',
    updatedBy: 'alice',
    updatedVia: 'mutation:correctAttribution',
    updatedAt: '2026-02-01T00:00:00.000Z',
    correctionReason: 'wrong speaker',
    revisionOf: 'att-x',
    supersededAt: '2026-03-01T00:00:00.000Z',
  };
  const retracted = {
    ...corrected,
    revision: 3,
    retracted: true,
    retractionReason: 'misread',
    updatedBy: 'bob',
    updatedVia: 'mutation:retractAttribution',
    updatedAt: '2026-03-01T00:00:00.000Z',
    correctionReason: 'misread',
  };

  it('names who, when, through what and why for each version, oldest first', () => {
    const history = revisionHistory([original, corrected, retracted], true);
    expect(history.map((r) => [r.revision, r.current, r.madeBy, r.madeVia, r.reason])).toEqual([
      [1, false, 'curators', 'seed:x (x.seed.yaml)', null],
      [2, false, 'alice', 'mutation:correctAttribution', 'wrong speaker'],
      [3, true, 'bob', 'mutation:retractAttribution', 'misread'],
    ]);
    expect(history[0]!.changes).toEqual([]);
    expect(history[0]!.madeAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('lists changed content and links, never bookkeeping', () => {
    expect(fieldChanges(original, corrected)).toEqual([
      { field: 'actorId', before: '"act-a"', after: '"act-b"' },
    ]);
    expect(fieldChanges(corrected, retracted)).toEqual([
      { field: 'retracted', before: null, after: 'true' },
      { field: 'retractionReason', before: null, after: '"misread"' },
    ]);
  });

  it('marks no version current when the record itself is gone', () => {
    expect(revisionHistory([original], false)[0]!.current).toBe(false);
  });
});
