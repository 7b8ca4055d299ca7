import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  seedSetSchema,
  type SeedAttribution,
  type SeedEvidence,
  type SeedSet,
} from './seedFormat.js';

/** One problem in a seed file, located precisely enough for an editor to fix it. */
export interface SeedProblem {
  readonly file: string;
  /** e.g. `attributions[4] (att-bolton-pay-a-price)`, or `(file)` for the whole file. */
  readonly record: string;
  /** e.g. `quote`, `quantities[0].value`. */
  readonly field: string;
  readonly message: string;
}

/** A seed set that passed every check, with the texts of the sources that have one. */
export interface ValidSeedSet {
  readonly file: string;
  readonly seedSet: SeedSet;
  /** Source id → its full text, exactly as in its textFile. */
  readonly sourceTexts: ReadonlyMap<string, string>;
}

/** The outcome of validation: either a valid set, or every problem found. */
export type SeedValidation =
  | { readonly ok: true; readonly value: ValidSeedSet }
  | { readonly ok: false; readonly problems: readonly SeedProblem[] };

/** Formats a problem as one line: `file: record: field: message`. */
export function formatSeedProblem(problem: SeedProblem): string {
  return `${problem.file}: ${problem.record}: ${problem.field}: ${problem.message}`;
}

/**
 * Reads and checks a seed file in full before anything is written: YAML syntax, the format,
 * unique ids, references, text files, that every quote (and the quoted words inside it) is the
 * verbatim span of its source text at its offsets, and that a draft's evidence lies within its
 * article. Reports every problem, not just the first.
 */
export function validateSeedFile(file: string): SeedValidation {
  const displayFile = path.relative(process.cwd(), file) || file;
  const fail = (record: string, field: string, message: string): SeedValidation => ({
    ok: false,
    problems: [{ file: displayFile, record, field, message }],
  });
  if (!existsSync(file)) return fail('(file)', '(file)', 'no such file');
  const document = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        file: displayFile,
        record: '(file)',
        field: `line ${error.linePos?.[0]?.line ?? '?'}`,
        message: `YAML syntax: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  return validateSeedData(displayFile, document.toJS(), seedFileTextReader(file));
}

/** Reads the text files a seed file names, relative to the seed file's folder. */
export function seedFileTextReader(file: string): SourceTextReader {
  const baseDir = path.dirname(file);
  return (textFile) => {
    const textPath = path.resolve(baseDir, textFile);
    return existsSync(textPath) ? readFileSync(textPath, 'utf8') : undefined;
  };
}

/** Reads a source's text file (named relative to the seed file); undefined when there is none. */
export type SourceTextReader = (textFile: string) => string | undefined;

/**
 * The checks of validateSeedFile on seed data already in memory (as YAML would parse it), for
 * callers that build seed sets themselves, such as the synthetic benchmark generator.
 * `displayFile` only names the data in problems.
 */
export function validateSeedData(
  displayFile: string,
  raw: unknown,
  readSourceText: SourceTextReader,
): SeedValidation {
  const parsed = seedSetSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => locateIssue(displayFile, raw, issue)),
    };
  }
  return checkSeedSet(displayFile, readSourceText, parsed.data);
}

/** Cross-record rules that a schema cannot express. */
function checkSeedSet(
  file: string,
  readSourceText: SourceTextReader,
  seedSet: SeedSet,
): SeedValidation {
  const problems: SeedProblem[] = [];
  const problem = (
    section: string,
    index: number,
    recordId: string | undefined,
    field: string,
    message: string,
  ) => problems.push({ file, record: recordLabel(section, index, recordId), field, message });

  const idsBySection = new Map<string, Set<string>>();
  const allIds = new Set<string>();
  for (const section of ['sources', 'actors', 'claims', 'attributions', 'events'] as const) {
    const ids = new Set<string>();
    seedSet[section].forEach((record, index) => {
      if (allIds.has(record.id))
        problem(section, index, record.id, 'id', `duplicate id "${record.id}"`);
      ids.add(record.id);
      allIds.add(record.id);
    });
    idsBySection.set(section, ids);
  }
  const expectRef = (
    section: string,
    index: number,
    recordId: string | undefined,
    field: string,
    target: string,
    ref: string | undefined,
  ) => {
    if (ref !== undefined && !idsBySection.get(target)?.has(ref)) {
      problem(section, index, recordId, field, `"${ref}" is not an id in ${target}`);
    }
  };

  const sourceTexts = new Map<string, string>();
  seedSet.sources.forEach((source, index) => {
    expectRef('sources', index, source.id, 'publisher', 'actors', source.publisher);
    source.cites.forEach((cited, i) => {
      expectRef('sources', index, source.id, `cites[${i}]`, 'sources', cited);
      if (cited === source.id)
        problem('sources', index, source.id, `cites[${i}]`, 'a source cannot cite itself');
    });
    source.carries.forEach((claim, i) =>
      expectRef('sources', index, source.id, `carries[${i}]`, 'claims', claim),
    );
    source.copies.forEach((copy, i) => {
      expectRef('sources', index, source.id, `copies[${i}].original`, 'sources', copy.original);
      if (copy.original === source.id)
        problem(
          'sources',
          index,
          source.id,
          `copies[${i}].original`,
          'a source cannot copy itself',
        );
      copy.passages.forEach((passage, p) => {
        if (passage.end <= passage.start || passage.originalEnd <= passage.originalStart)
          problem(
            'sources',
            index,
            source.id,
            `copies[${i}].passages[${p}]`,
            'a passage must end after it starts, in both texts',
          );
      });
    });
    if (source.textFile !== undefined) {
      const text = readSourceText(source.textFile);
      if (text !== undefined) sourceTexts.set(source.id, text);
      else problem('sources', index, source.id, 'textFile', `no such file: ${source.textFile}`);
    }
  });
  seedSet.actors.forEach((actor, index) => {
    for (const field of ['country', 'stateAffiliation', 'ownedBy'] as const) {
      expectRef('actors', index, actor.id, field, 'actors', actor[field]);
    }
    actor.affiliations.forEach((affiliation, i) =>
      expectRef(
        'actors',
        index,
        actor.id,
        `affiliations[${i}].organisation`,
        'actors',
        affiliation.organisation,
      ),
    );
    if (actor.anonymous && actor.description === undefined) {
      problem(
        'actors',
        index,
        actor.id,
        'description',
        'an anonymous actor needs a description of how the text refers to it',
      );
    }
  });
  seedSet.claims.forEach((claim, index) =>
    claim.events.forEach((event, i) =>
      expectRef('claims', index, claim.id, `events[${i}]`, 'events', event),
    ),
  );
  seedSet.events.forEach((event, index) =>
    event.participants.forEach((participant, i) =>
      expectRef('events', index, event.id, `participants[${i}].actor`, 'actors', participant.actor),
    ),
  );
  seedSet.claimRelations.forEach((relation, index) => {
    expectRef('claimRelations', index, undefined, 'from', 'claims', relation.from);
    expectRef('claimRelations', index, undefined, 'to', 'claims', relation.to);
    if (relation.from === relation.to)
      problem('claimRelations', index, undefined, 'to', 'a claim cannot relate to itself');
  });
  seedSet.attributions.forEach((attribution, index) => {
    expectRef('attributions', index, attribution.id, 'actor', 'actors', attribution.actor);
    expectRef('attributions', index, attribution.id, 'claim', 'claims', attribution.claim);
    expectRef('attributions', index, attribution.id, 'source', 'sources', attribution.source);
    expectRef('attributions', index, attribution.id, 'event', 'events', attribution.event);
    const text = sourceTexts.get(attribution.source);
    for (const wordsProblem of checkQuotedWords(text, attribution))
      problem('attributions', index, attribution.id, wordsProblem.field, wordsProblem.message);
    if (text === undefined) {
      if (idsBySection.get('sources')?.has(attribution.source)) {
        problem(
          'attributions',
          index,
          attribution.id,
          'source',
          `source "${attribution.source}" has no textFile to check the quote against`,
        );
      }
      return;
    }
    const quoteProblem = checkQuote(text, attribution.quote, attribution.start, attribution.end);
    if (quoteProblem)
      problem('attributions', index, attribution.id, quoteProblem.field, quoteProblem.message);
  });

  // Draft-only evidence: offsets into the article, when the set has exactly one source text.
  const withText = seedSet.sources.filter((source) => source.textFile !== undefined);
  const articleText = withText.length === 1 ? sourceTexts.get(withText[0]!.id) : undefined;
  const checkEvidence = (
    section: string,
    index: number,
    recordId: string | undefined,
    prefix: string,
    evidence: readonly SeedEvidence[] | undefined,
  ) =>
    evidence?.forEach((item, i) => {
      const evidenceProblem = checkEvidenceSpan(articleText, item);
      if (evidenceProblem)
        problem(
          section,
          index,
          recordId,
          `${prefix}evidence[${i}].${evidenceProblem.field}`,
          evidenceProblem.message,
        );
    });
  for (const section of ['sources', 'actors', 'claims', 'attributions', 'events'] as const) {
    seedSet[section].forEach((record, index) =>
      checkEvidence(section, index, record.id, '', record.evidence),
    );
  }
  seedSet.claims.forEach((claim, index) =>
    claim.quantities.forEach((quantity, q) =>
      checkEvidence('claims', index, claim.id, `quantities[${q}].`, quantity.evidence),
    ),
  );
  seedSet.claimRelations.forEach((relation, index) =>
    checkEvidence('claimRelations', index, undefined, '', relation.evidence),
  );

  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, value: { file, seedSet, sourceTexts } };
}

/**
 * Checks an attribution's quoted words: only direct speech has them; each is the verbatim span
 * of the source text at its offsets (when the text is at hand), lies within the quote, and they
 * come in text order without overlapping. Suggests the right offsets when the words are elsewhere.
 */
export function checkQuotedWords(
  text: string | undefined,
  attribution: Pick<SeedAttribution, 'start' | 'end' | 'speech' | 'quotedWords'>,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { quotedWords } = attribution;
  if (quotedWords.length > 0 && attribution.speech !== 'direct') {
    problems.push({
      field: 'quotedWords',
      message: `only direct speech has quoted words (this attribution is ${attribution.speech}); remove them or mark it speech: direct`,
    });
  }
  quotedWords.forEach((words, i) => {
    const at = (field: string, message: string) =>
      problems.push({ field: `quotedWords[${i}].${field}`, message });
    if (words.end <= words.start) {
      at('end', `must be greater than start (${words.start})`);
      return;
    }
    if (words.start < attribution.start || words.end > attribution.end) {
      at(
        words.start < attribution.start ? 'start' : 'end',
        `${words.start}..${words.end} lies outside the quote (${attribution.start}..${attribution.end}); quoted words are a span of the quote`,
      );
    } else if (text !== undefined && text.slice(words.start, words.end) !== words.text) {
      // Prefer an occurrence inside the quote, as that is where the words belong.
      const inQuote = text.indexOf(words.text, attribution.start);
      const found =
        inQuote >= 0 && inQuote + words.text.length <= attribution.end
          ? inQuote
          : text.indexOf(words.text);
      if (found < 0) at('text', 'is not a verbatim span of the source text');
      else {
        const end = found + words.text.length;
        const outside = found < attribution.start || end > attribution.end;
        at(
          'start',
          `the words are not at ${words.start}..${words.end}; they are at start: ${found}, end: ${end}` +
            (outside ? `, outside the quote (${attribution.start}..${attribution.end})` : ''),
        );
      }
    }
    const previous = quotedWords[i - 1];
    if (previous && words.start < previous.end) {
      at(
        'start',
        `overlaps or comes before quotedWords[${i - 1}] (${previous.start}..${previous.end}); list the spans in text order, without overlap`,
      );
    }
  });
  return problems;
}

/**
 * Checks a draft's evidence span: it does not end before it starts and, when the article text is
 * known (the set has exactly one source with a text), lies within it.
 */
export function checkEvidenceSpan(
  articleText: string | undefined,
  evidence: SeedEvidence,
): { field: string; message: string } | undefined {
  if (evidence.end < evidence.start)
    return { field: 'end', message: `must not be less than start (${evidence.start})` };
  if (articleText !== undefined && evidence.end > articleText.length)
    return {
      field: 'end',
      message: `is past the end of the article text (${articleText.length} characters)`,
    };
  return undefined;
}

/** Checks a quote against its offsets; suggests the right offsets when the quote is elsewhere. */
export function checkQuote(
  text: string,
  quote: string,
  start: number,
  end: number,
): { field: string; message: string } | undefined {
  if (end <= start) return { field: 'end', message: `must be greater than start (${start})` };
  if (end > text.length)
    return {
      field: 'end',
      message: `is past the end of the source text (${text.length} characters)`,
    };
  if (text.slice(start, end) === quote) return undefined;
  const found = text.indexOf(quote);
  if (found >= 0) {
    return {
      field: 'start',
      message: `the quote is not at ${start}..${end}; it is at start: ${found}, end: ${found + quote.length}`,
    };
  }
  return { field: 'quote', message: 'is not a verbatim span of the source text' };
}

function recordLabel(section: string, index: number, recordId: string | undefined): string {
  return recordId ? `${section}[${index}] (${recordId})` : `${section}[${index}]`;
}

/** Turns a zod issue path such as ['claims', 3, 'quantities', 0, 'value'] into record and field. */
function locateIssue(file: string, raw: unknown, issue: z.core.$ZodIssue): SeedProblem {
  const [section, index, ...rest] = issue.path;
  if (typeof section === 'string' && typeof index === 'number') {
    const record = (raw as Record<string, unknown[]>)[section]?.[index] as
      { id?: unknown } | undefined;
    const recordId = typeof record?.id === 'string' ? record.id : undefined;
    const field = rest
      .map((part, i) =>
        typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`,
      )
      .join('');
    return {
      file,
      record: recordLabel(section, index, recordId),
      field: field || '(record)',
      message: issue.message,
    };
  }
  return {
    file,
    record: '(file)',
    field: issue.path.map(String).join('.') || '(top level)',
    message: issue.message,
  };
}
