import type { SeedSet, SeedTime } from '../ingest/seedFormat.js';
import type { ArticleInput } from './articleInput.js';
import { claimText, slugOf } from './claimText.js';
import type { Figure } from './figures.js';
import type { AttributionPass, FoundAttribution } from './findAttributions.js';
import type { DraftActor } from './resolveSpeakers.js';
import type { TimeMention } from './times.js';

/**
 * Assembles the draft: a seed set (the seed format, so `claimgraph seed validate` accepts it)
 * whose records also carry a confidence and the evidence they rest on. One claim per distinct
 * proposition; relaying sources become placeholder sources the article cites, citing in turn
 * the sources of the speakers they relay, so the article's chains join the graph's.
 */

/** Identity and version of the rules, stamped on every draft. */
export const extractorName = 'claimgraph-rules';

type Evidence = { rule: string; start: number; end: number; note?: string };

/** What the draft is built from besides the attribution pass. */
export interface DraftParts {
  readonly figuresIn: (start: number, end: number) => Figure[];
  readonly times: readonly TimeMention[];
  readonly publisher: DraftActor | undefined;
  /** Outlets named in credit lines ("(With input from Xinhua)"): sources the article cites. */
  readonly credits: readonly {
    readonly actor: DraftActor;
    readonly start: number;
    readonly end: number;
  }[];
  readonly version: string;
}

/** Builds the draft from the attribution pass, the figures and the times. */
export function buildDraft(input: ArticleInput, pass: AttributionPass, parts: DraftParts): SeedSet {
  const { figuresIn, times, publisher, credits, version } = parts;
  const { text } = input;
  const articleId = 'src-article';
  const ids = new Set<string>();
  const unique = (base: string): string => {
    let id = base.slice(0, 120).replace(/-+$/, '');
    for (let counter = 2; ids.has(id); counter++)
      id = `${base.slice(0, 115).replace(/-+$/, '')}-${counter}`;
    ids.add(id);
    return id;
  };

  const claims: SeedSet['claims'] = [];
  const claimIdOf = new Map<string, string>();
  const claimFor = (
    start: number,
    end: number,
    confidence: number,
    rule: string,
    exclude?: TimeMention,
  ): string => {
    const proposition = claimText(text.slice(start, end));
    const known = claimIdOf.get(proposition);
    if (known) return known;
    const id = unique(`clm-${slugOf(proposition)}`);
    claimIdOf.set(proposition, id);
    const refersTo = times.find(
      (time) => time.start >= start && time.end <= end && time !== exclude,
    );
    claims.push({
      id,
      text: proposition,
      topics: [],
      quantities: figuresIn(start, end).flatMap(toQuantities),
      events: [],
      ...(refersTo ? { refersTo: toTime(refersTo) } : {}),
      ...draftFields(confidence, [{ rule, start, end }]),
    });
    return id;
  };

  const attributionRecords: SeedSet['attributions'] = [];
  const claimsOfAttribution = new Map<number, string[]>();
  const sources = new Map<string, SeedSet['sources'][number]>();
  const articleCites = new Set<string>();

  pass.attributions.forEach((found, index) => {
    const said = timeSaid(found, times);
    let claimIds: string[] = [];
    if (found.ownClaim) {
      const contentEnd =
        found.relays.length > 0 ? ownContentEnd(found, pass.attributions) : found.contentEnd;
      if (contentEnd > found.contentStart)
        claimIds.push(claimFor(found.contentStart, contentEnd, found.confidence, found.rule, said));
    }
    for (const relayed of found.relays) claimIds.push(...(claimsOfAttribution.get(relayed) ?? []));
    if (!found.ownClaim && found.citedBy !== undefined)
      claimIds.push(...(claimsOfAttribution.get(found.citedBy) ?? []));
    claimIds = [...new Set(claimIds)];
    claimsOfAttribution.set(index, claimIds);
    const actor = found.actors[0];
    for (const claimId of claimIds) {
      attributionRecords.push({
        id: unique(`att-${idPart(actor.id, 36)}-${idPart(claimId, 56)}`),
        actor: actor.id,
        claim: claimId,
        source: articleId,
        stance: found.stance,
        quote: text.slice(found.start, found.end),
        start: found.start,
        end: found.end,
        cue: found.cue.text,
        speech: found.speech,
        ...(said ? { said: toTime(said) } : {}),
        quotedWords: found.quotedWords.map((words) => ({ ...words })),
        figures: [],
        ...draftFields(found.confidence, [
          { rule: found.rule, start: found.start, end: found.end },
          {
            rule: `cue:${found.cue.lemma}${found.negated ? ':negated' : ''}`,
            start: found.frameStart,
            end: found.frameEnd,
          },
        ]),
      });
    }
    // Relays, cited reports and interviews become the sources this article draws on.
    const citing = found.citedBy === undefined ? undefined : pass.attributions[found.citedBy];
    if (citing) {
      const cited = placeholder(
        sources,
        actor,
        'report',
        'report',
        `${actor.name} report or figures (title unknown)`,
        claimIds,
        found,
      );
      cited.primary = true;
      const citingSource = citing.relay
        ? sources.get(sourceIdFor(citing.actors[0], 'report'))
        : undefined;
      if (citingSource && !citingSource.cites.includes(cited.id)) citingSource.cites.push(cited.id);
      else if (!citingSource) articleCites.add(cited.id);
    } else if (found.relay) {
      const relaySource = placeholder(
        sources,
        actor,
        'report',
        'news-report',
        `${actor.name} report (title unknown)`,
        claimIds,
        found,
      );
      articleCites.add(relaySource.id);
      for (const relayed of found.relays) {
        const inner = pass.attributions[relayed];
        if (!inner) continue;
        const innerSource = placeholder(
          sources,
          inner.actors[0],
          'statement',
          'statement',
          `${inner.actors[0].name} statement or report (title unknown)`,
          claimsOfAttribution.get(relayed) ?? [],
          inner,
        );
        innerSource.primary = true;
        if (!relaySource.cites.includes(innerSource.id)) relaySource.cites.push(innerSource.id);
      }
    } else if (found.addressee && found.addressee.kind === 'media-outlet') {
      const interview = placeholder(
        sources,
        found.addressee,
        `interview-${idPart(actor.id, 36)}`,
        'interview',
        `${found.addressee.name} interview with ${actor.name}`,
        claimIds,
        found,
      );
      interview.primary = true;
      articleCites.add(interview.id);
    } else if (actor.kind === 'media-outlet' && actor !== publisher) {
      // "according to Xinhua", "The Global Times reported": the article draws on that outlet's report.
      const report = placeholder(
        sources,
        actor,
        'report',
        'news-report',
        `${actor.name} report (title unknown)`,
        claimIds,
        found,
      );
      articleCites.add(report.id);
    }
  });
  for (const credit of credits) {
    const credited = placeholder(
      sources,
      credit.actor,
      'report',
      'news-report',
      `${credit.actor.name} report (title unknown)`,
      [],
      {
        frameStart: credit.start,
        frameEnd: credit.end,
      },
    );
    articleCites.add(credited.id);
  }
  // Relayed statements are reached through their relay, not cited by the article directly.
  for (const source of sources.values())
    for (const cited of source.cites) articleCites.delete(cited);

  const article: SeedSet['sources'][number] = {
    id: articleId,
    kind: 'article',
    title: input.title ?? 'Untitled article (extracted draft)',
    ...(publisher ? { publisher: publisher.id } : {}),
    ...(input.published
      ? {
          published: {
            raw: null,
            value: input.published,
            precision: 'day',
            basis: 'Publication date given with the article.',
          },
        }
      : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(input.textFile ? { textFile: input.textFile } : {}),
    primary: false,
    cites: [...articleCites],
    carries: [],
    copies: [],
  };

  const outlets = [publisher, ...credits.map((credit) => credit.actor)].filter(
    (actor): actor is DraftActor => actor !== undefined && !pass.actors.includes(actor),
  );
  const actorRecords = [...pass.actors, ...new Set(outlets)].map(toActor);
  const draft: SeedSet = {
    format: 'claimgraph-seed/1',
    id: `draft-${slugOf(input.title ?? text.slice(0, 80), 5)}`,
    description: `Draft extracted by ${extractorName} ${version}: every record is a proposal for an editor to review.`,
    enteredBy: `${extractorName} ${version} (draft, not reviewed)`,
    extraction: {
      extractor: extractorName,
      version,
      ...(input.published ? { published: input.published } : {}),
    },
    sources: [article, ...sources.values()],
    actors: actorRecords,
    claims,
    attributions: attributionRecords,
    claimRelations: [],
    events: [],
  };
  return draft;
}

function ownContentEnd(found: FoundAttribution, all: readonly FoundAttribution[]): number {
  const firstRelayed = Math.min(
    ...found.relays.map((index) => all[index]?.start ?? found.contentEnd),
  );
  return Math.max(found.contentStart, firstRelayed);
}

function timeSaid(found: FoundAttribution, times: readonly TimeMention[]): TimeMention | undefined {
  const inFrame = (time: TimeMention) =>
    (time.start >= found.frameStart &&
      time.end <= found.frameEnd + 40 &&
      time.end <= found.end + 1 &&
      time.start >= found.frameStart) ||
    (found.start < found.frameStart &&
      time.start >= found.start &&
      time.end <= found.frameStart &&
      found.start !== found.contentStart);
  return times.find(
    (time) => inFrame(time) && !(time.start >= found.contentStart && time.end <= found.contentEnd),
  );
}

function sourceIdFor(actor: DraftActor, suffix: string): string {
  return `src-${idPart(actor.id, 56)}-${suffix}`.replace(/-+$/, '');
}

function placeholder(
  sources: Map<string, SeedSet['sources'][number]>,
  actor: DraftActor,
  suffix: string,
  kind: SeedSet['sources'][number]['kind'],
  title: string,
  claimIds: readonly string[],
  found: Pick<FoundAttribution, 'frameStart' | 'frameEnd'>,
): SeedSet['sources'][number] {
  const id = sourceIdFor(actor, suffix);
  let source = sources.get(id);
  if (!source) {
    source = {
      id,
      kind,
      title,
      publisher: actor.id,
      primary: false,
      cites: [],
      carries: [],
      copies: [],
      notes: 'Placeholder proposed by the extractor: known only through this article.',
      ...draftFields(0.6, [
        { rule: `citation:${kind}`, start: found.frameStart, end: found.frameEnd },
      ]),
    };
    sources.set(id, source);
  }
  for (const claimId of claimIds)
    if (!source.carries.includes(claimId)) source.carries.push(claimId);
  return source;
}

function toActor(actor: DraftActor): SeedSet['actors'][number] {
  return {
    id: actor.id,
    kind: actor.kind,
    name: actor.name,
    aliases: actor.aliases.filter((alias) => alias !== actor.name),
    anonymous: actor.anonymous,
    // A new actor's role as the text gives it ("Transport Minister", "head of the Institute …").
    ...(actor.description
      ? { description: actor.description }
      : actor.role && actor.resolution.status === 'new'
        ? { description: actor.role }
        : {}),
    ...(actor.claimedAffiliation ? { claimedAffiliation: actor.claimedAffiliation } : {}),
    affiliations: [],
    resolution: actor.resolution,
    ...draftFields(actor.resolution.score, actor.evidence.slice(0, 20)),
  };
}

/**
 * A figure as seed quantities. The format has no range: a range ("10-15 countries") is two
 * quantities with the same raw text, its low and high ends. A decrease is a negative change
 * ("fell 43 per cent" is -43), so the sign survives without a direction field.
 */
function toQuantities(figure: Figure): SeedSet['claims'][number]['quantities'] {
  const values = figure.range ? [figure.range.low, figure.range.high] : [figure.value];
  const change = figure.change
    ? {
        change: {
          raw: figure.change.raw,
          value:
            figure.change.direction === 'decrease'
              ? -Math.abs(figure.change.value)
              : figure.change.value,
          unit: figure.change.unit || 'unspecified',
          basis: figure.change.basis || 'not given',
        },
      }
    : {};
  return values.map((value) => ({
    raw: figure.raw,
    value,
    unit: figure.unit.length > 0 ? figure.unit : 'unspecified',
    kind: figure.kind,
    ...change,
    ...draftFields(figure.unit.length > 0 ? 0.8 : 0.5, [
      {
        rule: `figure:${figure.kind}${figure.range ? ':range' : ''}`,
        start: figure.start,
        end: figure.end,
      },
    ]),
  }));
}

function toTime(time: TimeMention): SeedTime {
  return { raw: time.raw, value: time.value, precision: time.precision, basis: time.basis };
}

function draftFields(
  confidence: number,
  evidence: Evidence[],
): { confidence: number; evidence: Evidence[] } {
  return { confidence: Math.round(confidence * 100) / 100, evidence };
}

/**
 * The name part of an id (after its `xxx-` prefix), cut to `length` characters without a dash
 * at either end, so ids built from it never hold `--` (which the seed format refuses).
 */
export function idPart(id: string, length: number): string {
  return id.slice(4, 4 + length).replace(/^-+|-+$/g, '');
}
