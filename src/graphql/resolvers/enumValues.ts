/**
 * GraphQL enum values mapped to the values stored in the graph (and used by the seed format),
 * so clients see SCREAMING_CASE and the data keeps the editors' kebab-case.
 */
export const enumValues = {
  Stance: {
    ASSERTS: 'asserts',
    REPORTS: 'reports',
    CONFIRMS: 'confirms',
    DENIES: 'denies',
    DISPUTES: 'disputes',
    SUSPECTS: 'suspects',
    EXPECTS: 'expects',
  },
  Speech: { DIRECT: 'direct', INDIRECT: 'indirect' },
  ClaimRelationType: {
    SUPPORTS: 'supports',
    CONTRADICTS: 'contradicts',
    RESPONDS_TO: 'responds-to',
  },
  TimePrecision: {
    DAY: 'day',
    MONTH: 'month',
    QUARTER: 'quarter',
    SEASON: 'season',
    YEAR: 'year',
    RANGE: 'range',
  },
  ActorKind: {
    PERSON: 'person',
    ORGANISATION: 'organisation',
    STATE: 'state',
    MEDIA_OUTLET: 'media-outlet',
    UNNAMED_GROUP: 'unnamed-group',
  },
  SourceKind: {
    ARTICLE: 'article',
    NEWS_REPORT: 'news-report',
    REPORT: 'report',
    SPEECH: 'speech',
    STATEMENT: 'statement',
    INTERVIEW: 'interview',
    COURT_FILING: 'court-filing',
    UNKNOWN: 'unknown',
  },
  DraftStatus: { OPEN: 'open', COMMITTED: 'committed', DISCARDED: 'discarded' },
  ItemDecision: { PENDING: 'pending', ACCEPTED: 'accepted', REJECTED: 'rejected' },
  MatchTier: { MATCH: 'match', SUGGESTION: 'suggestion' },
  PublishedFirst: { THIS: 'this', OTHER: 'other', UNKNOWN: 'unknown' },
} as const;
