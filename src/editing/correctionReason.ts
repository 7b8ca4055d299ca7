import { AppError } from '../errors/appError.js';
import { isWellFormedText } from '../ingest/seedFormat.js';

/** A correction's or retraction's reason, kept with the history it adds. */
export interface Correction {
  readonly reason: string;
}

const MAX_REASON = 10_000;

/**
 * The reason as given, if it is 1 to 10,000 characters of valid text (not only spaces);
 * otherwise BAD_USER_INPUT naming `field` (an input field, or a CLI option such as --correct).
 */
export function correctionReason(reason: string, field: string): Correction {
  if (reason.trim() === '' || reason.length > MAX_REASON || !isWellFormedText(reason)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${field}: give a reason of 1 to ${MAX_REASON} characters of text (it is kept with the history)`,
      { field },
    );
  }
  return { reason };
}
