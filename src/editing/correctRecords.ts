import type { Caller } from '../auth/apiKeys.js';
import { lockedNode, type StoredNode } from '../db/correctionQueries.js';
import type { Executor } from '../db/executor.js';
import { missingReferences, type NodeReference } from '../db/existingNodes.js';
import { Label } from '../db/graphVocabulary.js';
import type { GraphWritePlan } from '../db/graphWritePlan.js';
import { snapshotLinks } from '../db/revisionSnapshots.js';
import { writeGraphPlan } from '../db/writeGraphPlan.js';
import { AppError } from '../errors/appError.js';
import { planSeedLoad } from '../ingest/planSeedLoad.js';
import { correctionReason } from './correctionReason.js';
import { quoteOffset, quotedWordSpans } from './quoteSpans.js';
import { refuseMalformedText, validatedSeedSet, type Section } from './recordValidation.js';
import {
  storedActor,
  storedAttribution,
  storedClaim,
  storedEvent,
  storedSource,
  type StoredRecord,
} from './storedRecords.js';

type NodeLabel = (typeof Label)[keyof typeof Label];

/**
 * A correction's input: the fields to change, in input names, and why. A field left out keeps
 * its value; null clears an optional field (and is ignored for a required one, as left out).
 */
export type CorrectionInput = { id: string; reason: string } & Record<string, unknown>;

/** How one kind of record is corrected. */
interface CorrectionKind {
  readonly label: NodeLabel;
  readonly section: Section;
  readonly mutation: string;
  /** The stored node as a seed-format record. */
  readonly record: (stored: StoredNode) => StoredRecord;
  /** Input field → seed-format field. */
  readonly fields: Readonly<Record<string, string>>;
  /** Seed-format fields a record cannot lack: null leaves them as they are. */
  readonly required: ReadonlySet<string>;
  /** Input fields naming other nodes, with their label. */
  readonly references: Readonly<Record<string, NodeLabel>>;
}

const kinds = {
  source: {
    label: Label.Source,
    section: 'sources',
    mutation: 'correctSource',
    record: storedSource,
    fields: {
      kind: 'kind',
      title: 'title',
      publisherId: 'publisher',
      published: 'published',
      url: 'url',
      primary: 'primary',
      notes: 'notes',
    },
    required: new Set(['kind', 'title', 'primary']),
    references: { publisherId: Label.Actor },
  },
  actor: {
    label: Label.Actor,
    section: 'actors',
    mutation: 'correctActor',
    record: storedActor,
    fields: {
      kind: 'kind',
      name: 'name',
      aliases: 'aliases',
      anonymous: 'anonymous',
      description: 'description',
      claimedAffiliation: 'claimedAffiliation',
      countryId: 'country',
      stateAffiliationId: 'stateAffiliation',
      ownedById: 'ownedBy',
      notes: 'notes',
    },
    required: new Set(['kind', 'name', 'aliases', 'anonymous']),
    references: {
      countryId: Label.Actor,
      stateAffiliationId: Label.Actor,
      ownedById: Label.Actor,
    },
  },
  claim: {
    label: Label.Claim,
    section: 'claims',
    mutation: 'correctClaim',
    record: storedClaim,
    fields: { text: 'text', topics: 'topics', refersTo: 'refersTo', notes: 'notes' },
    required: new Set(['text', 'topics']),
    references: {},
  },
  attribution: {
    label: Label.Attribution,
    section: 'attributions',
    mutation: 'correctAttribution',
    record: storedAttribution,
    fields: {
      actorId: 'actor',
      stance: 'stance',
      cue: 'cue',
      speech: 'speech',
      said: 'said',
      eventId: 'event',
      figures: 'figures',
      notes: 'notes',
    },
    required: new Set(['actor', 'stance', 'cue', 'speech', 'figures']),
    references: { actorId: Label.Actor, eventId: Label.Event },
  },
  event: {
    label: Label.Event,
    section: 'events',
    mutation: 'correctEvent',
    record: storedEvent,
    fields: { name: 'name', kind: 'kind', time: 'time', place: 'place', notes: 'notes' },
    required: new Set(['name', 'kind']),
    references: {},
  },
} satisfies Record<string, CorrectionKind>;

/** The kinds of record a correct… mutation exists for. */
export type CorrectableKind = keyof typeof kinds;

/**
 * Corrects one record in one transaction: the stored node is read and locked, the changes are
 * merged into its seed-format record, validated by the seed format's rules, planned like a load
 * and written as a correction: the previous version (with its links) is kept as a Revision with
 * the reason, the editor's key name and the time. NOT_FOUND for an unknown id; nothing is
 * written on any error. A correction that changes nothing writes nothing.
 */
export async function correctRecord(
  executor: Executor,
  caller: Caller,
  kindName: CorrectableKind,
  input: CorrectionInput,
): Promise<string> {
  const kind: CorrectionKind = kinds[kindName];
  const correction = correctionReason(input.reason, 'input.reason');
  for (const [field, value] of Object.entries(input))
    if (typeof value === 'string') refuseMalformedText(value, `input.${field}`);
  await executor.writeTransaction(`mutation:${kind.mutation}`, async (scope) => {
    const stored = await lockedNode(scope, kind.label, input.id);
    if (!stored)
      throw new AppError('NOT_FOUND', `input.id: no ${kind.label} has id "${input.id}"`, {
        field: 'input.id',
      });
    const record = patched(kind, kind.record(stored), input);
    if (kindName === 'attribution') await reanchorQuote(scope, stored, record, input);
    const seedSet = validatedSeedSet(kind.section, record);
    if (seedSet.actors[0]?.anonymous && !seedSet.actors[0].description)
      throw new AppError('BAD_USER_INPUT', 'input.description: required for an anonymous actor', {
        field: 'input.description',
      });
    const text = stored.properties.text;
    const plan = ownFields(
      planSeedLoad({
        file: 'mutation',
        seedSet,
        sourceTexts: new Map(typeof text === 'string' ? [[input.id, text]] : []),
      }),
      kind.label,
      stored,
      record,
    );
    const missing = await missingReferences(scope, references(kind, input));
    if (missing.length > 0)
      throw new AppError(
        'BAD_USER_INPUT',
        missing.map((r) => `${r.field}: no ${r.label} has id "${r.id}"`).join('; '),
        { field: missing[0]!.field },
      );
    await writeGraphPlan(
      scope,
      plan,
      { enteredBy: caller.name, enteredVia: `mutation:${kind.mutation}` },
      { correction },
    );
  });
  return input.id;
}

/** The stored record with the input's changes: absent keeps, null clears (optional fields only). */
function patched(kind: CorrectionKind, record: StoredRecord, input: CorrectionInput): StoredRecord {
  const result: StoredRecord = { ...record };
  for (const [inputField, field] of Object.entries(kind.fields)) {
    if (!(inputField in input) || input[inputField] === undefined) continue;
    const value = input[inputField];
    if (value === null) {
      if (!kind.required.has(field)) delete result[field];
    } else result[field] = value;
  }
  return result;
}

/**
 * An attribution's quote, when corrected, is found again in its source's text (its offsets are
 * computed, as when it was recorded), and its quoted words within it.
 */
async function reanchorQuote(
  scope: Parameters<typeof lockedNode>[0],
  stored: StoredNode,
  record: StoredRecord,
  input: CorrectionInput,
): Promise<void> {
  const quote = typeof input.quote === 'string' ? input.quote : undefined;
  const words = Array.isArray(input.quotedWords) ? (input.quotedWords as string[]) : undefined;
  if (quote === undefined && words === undefined) return;
  const sourceId = stored.links.sourceId;
  const [source] = sourceId
    ? await scope.run(
        {
          name: 'attributionSourceText',
          cypher: `MATCH (s:${Label.Source} {id: $id}) RETURN s.text AS text`,
        },
        { id: sourceId },
      )
    : [];
  if (typeof source?.text !== 'string')
    throw new AppError(
      'BAD_USER_INPUT',
      `input.quote: the attribution's source has no text to find the quote in`,
      { field: 'input.quote' },
    );
  if (quote !== undefined) {
    const start = quoteOffset(
      source.text,
      quote,
      typeof input.start === 'number' ? input.start : undefined,
    );
    record.quote = quote;
    record.start = start;
    record.end = start + quote.length;
  }
  record.quotedWords = quotedWordSpans(
    String(record.quote),
    Number(record.start),
    words ?? (record.quotedWords as { text: string }[]).map((w) => w.text),
  );
}

/**
 * The plan cut down to the corrected node, its single-valued links (moved where they changed,
 * removed where the correction cleared them) and derived properties: the links a seed record
 * also describes (citations, affiliations, figures…) are left as they are.
 */
function ownFields(
  plan: GraphWritePlan,
  label: NodeLabel,
  stored: StoredNode,
  record: StoredRecord,
): GraphWritePlan {
  const linkTypes = snapshotLinks[label] ?? {};
  const ownTypes = new Set(Object.values(linkTypes));
  const cleared = Object.entries(linkTypes).filter(
    ([property]) => stored.links[property] && !record[linkField(property)],
  );
  return {
    nodes: plan.nodes.filter((group) => group.label === label),
    derived: plan.derived,
    relationships: plan.relationships.filter((group) => ownTypes.has(group.type)),
    unlinks: cleared.map(([, type]) => ({
      type,
      fromLabel: label,
      ids: [String(stored.properties.id)],
    })),
  };
}

/** The seed field a link snapshot property stands for (`publisherId` → `publisher`). */
function linkField(property: string): string {
  return property.replace(/Id$/, '');
}

/** The nodes the input names, which must exist; a record may not name itself (its own owner). */
function references(kind: CorrectionKind, input: CorrectionInput): NodeReference[] {
  return Object.entries(kind.references).flatMap(([field, label]) => {
    const id = input[field];
    if (id === input.id)
      throw new AppError('BAD_USER_INPUT', `input.${field}: a record cannot link to itself`, {
        field: `input.${field}`,
      });
    return typeof id === 'string' ? [{ field: `input.${field}`, label, id }] : [];
  });
}
