import { AppError } from '../errors/appError.js';
import { isWellFormedText, seedSetSchema, type SeedSet } from '../ingest/seedFormat.js';

/** Input field names that differ from the seed format's (ids of other nodes end in `Id`). */
const inputFieldNames: Record<string, string> = {
  publisher: 'publisherId',
  country: 'countryId',
  stateAffiliation: 'stateAffiliationId',
  ownedBy: 'ownedById',
  organisation: 'organisationId',
  events: 'eventIds',
  actor: 'actorId',
  claim: 'claimId',
  source: 'sourceId',
  event: 'eventId',
};

/** Refuses text with a lone surrogate, which Neo4j would store altered (as U+FFFD). */
export function refuseMalformedText(text: string | null | undefined, field: string): void {
  if (text && !isWellFormedText(text))
    throw new AppError(
      'BAD_USER_INPUT',
      `${field}: must be valid Unicode text (it holds a lone surrogate)`,
      { field },
    );
}

/** A seed-set section a mutation's record is validated as. */
export type Section = 'sources' | 'actors' | 'claims' | 'attributions' | 'events';

/**
 * Validates one record with the seed format's own rules (so mutations and seed files accept
 * exactly the same data), reporting every problem as BAD_USER_INPUT named by input field.
 */
export function validatedSeedSet(section: Section, record: Record<string, unknown>): SeedSet {
  const parsed = seedSetSchema.safeParse({
    format: 'claimgraph-seed/1',
    id: 'mutation',
    enteredBy: 'mutation',
    [section]: [withoutNulls(record)],
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = [
      'input',
      ...issue.path
        .slice(2)
        .map((part) =>
          typeof part === 'number' ? `[${part}]` : (inputFieldNames[String(part)] ?? String(part)),
        ),
    ]
      .join('.')
      .replace(/\.\[/g, '[');
    return { field, message: issue.message };
  });
  throw new AppError('BAD_USER_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    field: problems[0]?.field,
    problems,
  });
}

/** GraphQL gives null for absent optional fields; the seed format expects them left out. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== null && inner !== undefined)
        .map(([key, inner]) => [key, withoutNulls(inner)]),
    );
  }
  return value;
}
