// Colours and markers shared by the graph style and the legend, so the two cannot drift apart.

/** A speaker's stance on a claim, as in the GraphQL schema. */
export type Stance =
  'ASSERTS' | 'REPORTS' | 'CONFIRMS' | 'DENIES' | 'DISPUTES' | 'SUSPECTS' | 'EXPECTS';

export const STANCES: readonly Stance[] = [
  'ASSERTS',
  'REPORTS',
  'CONFIRMS',
  'DENIES',
  'DISPUTES',
  'SUSPECTS',
  'EXPECTS',
];

/**
 * Attribution edge colours: saying the claim is true in a blue family, rejecting it red,
 * questioning it orange, the tentative stances (suspects, expects) in teal.
 */
export const STANCE_COLOURS: Readonly<Record<Stance, string>> = {
  ASSERTS: '#1d4ed8',
  REPORTS: '#60a5fa',
  CONFIRMS: '#1e3a8a',
  DENIES: '#dc2626',
  DISPUTES: '#ea580c',
  SUSPECTS: '#0d9488',
  EXPECTS: '#0891b2',
};

/** What each stance means, for the legend and the details panel. */
export const STANCE_MEANINGS: Readonly<Record<Stance, string>> = {
  ASSERTS: 'states it as true',
  REPORTS: 'relays it',
  CONFIRMS: 'confirms it',
  DENIES: 'rejects it',
  DISPUTES: 'questions it',
  SUSPECTS: 'suspects it is true',
  EXPECTS: 'expects it to come true',
};

export const COLOURS = {
  ink: '#0f172a',
  muted: '#475569',
  claimFill: '#1e293b',
  claimText: '#ffffff',
  relatedFill: '#ffffff',
  sourceFill: '#e8eef6',
  sourceBorder: '#64748b',
  originFill: '#fef3c7',
  originBorder: '#d97706',
  actorFill: '#f8fafc',
  actorBorder: '#334155',
  anonymousFill: '#f1f5f9',
  anonymousBorder: '#94a3b8',
  cites: '#64748b',
  circular: '#b45309',
  carries: '#94a3b8',
  contradicts: '#7c3aed',
  supports: '#16a34a',
  // A copy link is drawn as a hollow band: two rails of `copies` round a `copiesCore` centre.
  copies: '#be185d',
  copiesCore: '#fce7f3',
  selection: '#f59e0b',
} as const;

/** The system font stack: the explorer loads no web fonts, so it works offline. */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
