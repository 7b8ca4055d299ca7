import { describe, expect, it } from 'vitest';
import {
  isRetracted,
  keysWithOnlyRetracted,
  onlyRetractedSupport,
  retractionOf,
  retractionReasoning,
  unlessRetracted,
  type RetractionFacts,
} from '../../src/domain/retraction.js';

const retracted = (id: string, sourceId: string, reason = 'wrong speaker') => ({
  id,
  sourceId,
  retracted: true,
  retractionReason: reason,
  retractedBy: 'alice',
  retractedAt: '2026-12-02T06:00:00.000Z',
});
const standing = (id: string, sourceId: string) => ({ id, sourceId });

const noRetractions: RetractionFacts = {
  attributionCount: 0,
  retractedAttributions: [],
  retractedCarrierIds: [],
  standingCarrierIds: [],
  retractedCitations: [],
  retractedContradictions: [],
};

describe('retraction rules (src/domain/retraction.ts)', () => {
  it('counts only retracted: true as retracted, and reads the retraction', () => {
    expect(isRetracted({ retracted: true })).toBe(true);
    expect(isRetracted({ retracted: false })).toBe(false);
    expect(isRetracted({})).toBe(false);
    expect(isRetracted({ retracted: 'true' })).toBe(false);
    expect(retractionOf(retracted('att-a', 'src-a'))).toEqual({
      reason: 'wrong speaker',
      by: 'alice',
      at: '2026-12-02T06:00:00.000Z',
    });
    expect(retractionOf(standing('att-a', 'src-a'))).toBeNull();
  });

  it('keeps standing items unless retracted ones are asked for', () => {
    const items = [standing('att-a', 'src-a'), retracted('att-b', 'src-a')];
    expect(unlessRetracted(items, false).map((item) => item.id)).toEqual(['att-a']);
    expect(unlessRetracted(items, null).map((item) => item.id)).toEqual(['att-a']);
    expect(unlessRetracted(items, true).map((item) => item.id)).toEqual(['att-a', 'att-b']);
  });

  it('drops a carrier only when every attribution it records is retracted', () => {
    const attributions = [
      retracted('att-a', 'src-only-retracted'),
      retracted('att-b', 'src-mixed'),
      standing('att-c', 'src-mixed'),
      standing('att-d', 'src-standing'),
    ];
    expect([...keysWithOnlyRetracted(attributions, (a) => a.sourceId)]).toEqual([
      'src-only-retracted',
    ]);
  });

  it('says when the only support was retracted, and when standing sources remain', () => {
    const all: RetractionFacts = {
      ...noRetractions,
      attributionCount: 2,
      retractedAttributions: [
        { id: 'att-a', reason: 'misread' },
        { id: 'att-b', reason: 'misread' },
      ],
      retractedCarrierIds: ['src-article'],
    };
    expect(onlyRetractedSupport(all)).toBe(true);
    expect(retractionReasoning(all)).toEqual([
      'All 2 attributions of this claim were retracted (reason: misread); no standing source supports it.',
      'src-article records only retracted attributions of this claim: it no longer counts as carrying it.',
    ]);
    const stillCarried = { ...all, standingCarrierIds: ['src-report'] };
    expect(onlyRetractedSupport(stillCarried)).toBe(false);
    expect(retractionReasoning(stillCarried)[0]).toBe(
      'All 2 attributions of this claim were retracted (reason: misread); the claim is still carried by src-report.',
    );
    const some: RetractionFacts = {
      ...noRetractions,
      attributionCount: 3,
      retractedAttributions: [
        { id: 'att-a', reason: 'misread' },
        { id: 'att-b', reason: 'duplicate' },
      ],
      standingCarrierIds: ['src-article'],
      retractedCitations: [{ fromId: 'src-a', toId: 'src-b', reason: 'not its source' }],
    };
    expect(retractionReasoning(some)).toEqual([
      '2 of 3 attributions of this claim were retracted (att-a, att-b; reasons: att-a: misread; att-b: duplicate); they are left out of the analysis.',
      'The citation src-a → src-b was retracted (reason: not its source): chains do not follow it.',
    ]);
    expect(retractionReasoning(noRetractions)).toEqual([]);
    expect(onlyRetractedSupport(noRetractions)).toBe(false);
  });
});
