/**
 * Who counts as a claim's speaker, for "which claims have a named, on-the-record speaker".
 * A speaker makes or relays the claim: those who deny or dispute it are not its speakers.
 */
export const speakingStances = ['asserts', 'reports', 'confirms', 'suspects', 'expects'] as const;

/** Anonymous people ("a Beijing-based military expert") and unnamed groups ("experts") are not on the record. */
export function isOnTheRecord(actor: Record<string, unknown>): boolean {
  return actor.anonymous !== true && actor.kind !== 'unnamed-group';
}

/** Whether an attribution of this stance makes its actor a speaker of the claim. */
export function isSpeakingStance(stance: unknown): boolean {
  return (speakingStances as readonly unknown[]).includes(stance);
}
