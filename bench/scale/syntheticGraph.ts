/**
 * A deterministic synthetic claim graph for scale benchmarks (10k, 100k, 1M claims), written in
 * the project's own seed format so a benchmark validates and loads it through the real loader
 * (validateSeedData, then loadValidSeedSet), shard by shard.
 *
 * Shards are independent: every id a shard references is declared in it, and its content depends
 * only on (seed, index, claims in the shard). Shard 3 of a 10k graph is therefore byte-identical
 * to shard 3 of a 1M graph, and a benchmark never holds more than one shard in memory. A global
 * pool of states, outlets, agencies and media groups (depending only on the seed) is declared in
 * every shard with identical records, so loading it again changes nothing.
 *
 * The shape follows the curated seed (seeds/cncert-2019.seed.yaml): claims come in stories of 1–4
 * claims, carried along a citation chain from the latest article back to an origin statement or
 * report, with some second origins, some circular reporting and some heavily reused origins.
 */
import type { z } from 'zod';
import { eventKinds, type seedSetSchema } from '../../src/ingest/seedFormat.js';
import { createRandom, mixSeed, type Random } from './seededRandom.js';
import {
  stateNames,
  subjects,
  verbs,
  objects,
  vagueAmounts,
  topics,
  firstNames,
  lastNames,
  anonymousRoles,
  outletPrefixes,
  outletSuffixes,
  groupNames,
  agencyTypes,
  originKinds,
  relayKinds,
  outletRoles,
  agencyRoles,
  eventLabels,
} from './syntheticVocabulary.js';

/** Claims per shard for large graphs: one shard is one load transaction. */
export const SHARD_CLAIMS = 5000;

export interface SyntheticShard {
  readonly index: number;
  /** Plain seed data exactly as YAML would parse it: passes validateSeedData. */
  readonly raw: Record<string, unknown>;
  /** textFile name → full text, for validateSeedData's reader. */
  readonly sourceTexts: ReadonlyMap<string, string>;
  /** claim id → hops of the longest sourcing chain built for it (1..6). */
  readonly chainHops: ReadonlyMap<string, number>;
  readonly counts: {
    claims: number;
    attributions: number;
    sources: number;
    actors: number;
    events: number;
    claimRelations: number;
  };
}

// The seed format's input types: the compiler checks every record the generator writes.
type SeedInput = z.input<typeof seedSetSchema>;
type SourceInput = NonNullable<SeedInput['sources']>[number];
type ActorInput = NonNullable<SeedInput['actors']>[number];
type ClaimInput = NonNullable<SeedInput['claims']>[number];
type AttributionInput = NonNullable<SeedInput['attributions']>[number];
type ClaimRelationInput = NonNullable<SeedInput['claimRelations']>[number];
type EventInput = NonNullable<SeedInput['events']>[number];
type TimeInput = NonNullable<ClaimInput['refersTo']>;
type SourceKind = SourceInput['kind'];

/** How often things happen, in one place so the shape can be tuned. */
const rates = {
  primaryOrigin: 0.6,
  secondBranch: 0.2,
  independentBranch: 0.8,
  loop: 0.04,
  reuseOrigin: 0.1,
  intermediateReports: 0.5,
  personReports: 0.3,
  denial: 0.05,
  contradicts: 0.03,
  supports: 0.05,
  quantity: 0.2,
  refersTo: 0.5,
  claimEvent: 0.1,
  anonymous: 0.1,
  affiliation: 0.35,
  stateOutlet: 0.4,
  ownedOutlet: 0.4,
  outletCountry: 0.7,
};

/** Hops from the latest source to the origin: short chains are common, long ones rare. */
const hopWeights = [
  [1, 30],
  [2, 25],
  [3, 18],
  [4, 12],
  [5, 8],
  [6, 7],
] as const;

// --- sizes and entry points ------------------------------------------------------------------

/** Claims per shard: full shards, then the remainder (12000 → [5000, 5000, 2000]). */
export function shardSizes(totalClaims: number, shardClaims = SHARD_CLAIMS): number[] {
  if (!Number.isSafeInteger(totalClaims) || totalClaims < 0) {
    throw new RangeError(`totalClaims must be a non-negative integer, not ${totalClaims}`);
  }
  if (!Number.isSafeInteger(shardClaims) || shardClaims < 1) {
    throw new RangeError(`shardClaims must be a positive integer, not ${shardClaims}`);
  }
  const sizes = new Array<number>(Math.floor(totalClaims / shardClaims)).fill(shardClaims);
  if (totalClaims % shardClaims > 0) sizes.push(totalClaims % shardClaims);
  return sizes;
}

/** One shard; its content depends only on (seed, index, claims). */
export function syntheticShard(options: {
  seed: number;
  index: number;
  claims: number;
}): SyntheticShard {
  const { seed, index, claims } = options;
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new RangeError(`index must be a non-negative integer, not ${index}`);
  }
  if (!Number.isSafeInteger(claims) || claims < 1) {
    throw new RangeError(`claims must be a positive integer, not ${claims}`);
  }
  return new ShardBuilder(actorPool(seed), seed, index, claims).build();
}

/** The shards of a graph of totalClaims claims, generated one at a time as they are consumed. */
export function* syntheticShards(
  totalClaims: number,
  seed: number,
  shardClaims = SHARD_CLAIMS,
): Generator<SyntheticShard> {
  const sizes = shardSizes(totalClaims, shardClaims);
  for (const [index, claims] of sizes.entries()) yield syntheticShard({ seed, index, claims });
}

// --- the global actor pool -------------------------------------------------------------------

interface PoolActor {
  readonly record: ActorInput;
  /** The publisher itself, its owner and its state: two origins sharing one are not independent. */
  readonly controllers: readonly string[];
}

interface ActorPool {
  readonly states: readonly PoolActor[];
  readonly groups: readonly PoolActor[];
  readonly outlets: readonly PoolActor[];
  readonly agencies: readonly PoolActor[];
  readonly all: readonly PoolActor[];
}

/** A stream number for the pool, so its random draws never overlap a shard's. */
const POOL_STREAM = 0x900d;

/** States, media groups, outlets and agencies shared by every shard; depends only on the seed. */
function actorPool(seed: number): ActorPool {
  const rng = createRandom(mixSeed(seed, POOL_STREAM));
  const poolActor = (record: ActorInput): PoolActor => ({
    record,
    controllers: [record.id, record.ownedBy, record.stateAffiliation].filter(
      (id): id is string => id !== undefined,
    ),
  });
  const states = stateNames.map((name, i) =>
    poolActor({ id: `act-g-state-${i + 1}`, kind: 'state', name }),
  );
  const groups = groupNames.map((name, i) =>
    poolActor({
      id: `act-g-group-${i + 1}`,
      kind: 'organisation',
      name: `${name} Media Group`,
      country: rng.pick(states).record.id,
    }),
  );
  const outlets = outletSuffixes.flatMap((suffix, s) =>
    outletPrefixes.map((prefix, p) => {
      const state = rng.pick(states).record.id;
      const affiliated = rng.chance(rates.stateOutlet);
      const country = affiliated || rng.chance(rates.outletCountry) ? state : undefined;
      const owner = !affiliated && rng.chance(rates.ownedOutlet) ? rng.pick(groups) : undefined;
      return poolActor({
        id: `act-g-outlet-${s * outletPrefixes.length + p + 1}`,
        kind: 'media-outlet',
        name: `${prefix} ${suffix}`,
        ...(country ? { country } : {}),
        ...(affiliated ? { stateAffiliation: state } : {}),
        ...(owner ? { ownedBy: owner.record.id } : {}),
      });
    }),
  );
  // 30 distinct (state, agency type) pairs out of the 120 possible.
  const pairs = states.flatMap((state) => agencyTypes.map((type) => [state, type] as const));
  const agencies = rng
    .shuffle(pairs)
    .slice(0, 30)
    .map(([state, type], i) =>
      poolActor({
        id: `act-g-agency-${i + 1}`,
        kind: 'organisation',
        name: `${state.record.name} ${type}`,
        country: state.record.id,
        stateAffiliation: state.record.id,
      }),
    );
  return {
    states,
    groups,
    outlets,
    agencies,
    all: [...states, ...groups, ...outlets, ...agencies],
  };
}

// --- one shard -------------------------------------------------------------------------------

/** A source's text, built sentence by sentence so every quote's offsets are known exactly. */
class SourceText {
  private readonly parts: string[] = [];
  private length = 0;
  private sentences = 0;

  constructor(title: string) {
    this.push(`${title}\n\n`);
  }

  /** Appends `before + quote + after` as one sentence; returns the quote's UTF-16 offsets. */
  add(before: string, quote: string, after: string): { start: number; end: number } {
    if (this.sentences++ > 0) this.push(' ');
    this.push(before);
    const start = this.length;
    this.push(quote);
    const end = this.length;
    this.push(after);
    return { start, end };
  }

  toString(): string {
    return this.parts.join('');
  }

  private push(part: string) {
    this.parts.push(part);
    this.length += part.length;
  }
}

interface SourceDraft {
  readonly id: string;
  readonly kind: SourceKind;
  readonly title: string;
  readonly publisher: PoolActor;
  readonly year: number;
  readonly primary: boolean;
  readonly cites: string[];
  readonly carries: string[];
  /** Created with the first attribution: only sources with attributions get a textFile. */
  text?: SourceText;
}

/** An actor as texts refer to it. */
interface Speaker {
  readonly id: string;
  readonly mention: string;
}

interface ClaimDraft {
  readonly id: string;
  /** The claim as a speaker would say it: its text without the final full stop. */
  readonly body: string;
}

class ShardBuilder {
  private readonly rng: Random;
  /** `b3` for shard 3: in every id, so shards never collide. */
  private readonly tag: string;
  private readonly people: Speaker[] = [];
  private readonly peopleRecords: ActorInput[] = [];
  private readonly events: EventInput[] = [];
  private readonly sources: SourceDraft[] = [];
  /** Origins of earlier stories, which later stories may reuse. */
  private readonly origins: SourceDraft[] = [];
  private readonly claims: ClaimInput[] = [];
  private readonly attributions: AttributionInput[] = [];
  private readonly claimRelations: ClaimRelationInput[] = [];
  private readonly chainHops = new Map<string, number>();

  constructor(
    private readonly pool: ActorPool,
    private readonly seed: number,
    private readonly index: number,
    private readonly claimCount: number,
  ) {
    this.rng = createRandom(mixSeed(seed, index, claimCount));
    this.tag = `b${index}`;
  }

  build(): SyntheticShard {
    this.addPeople(Math.max(2, Math.round(this.claimCount / 4)));
    this.addEvents(Math.max(1, Math.round(this.claimCount / 200)));
    while (this.claims.length < this.claimCount) {
      this.addStory(Math.min(this.rng.int(1, 4), this.claimCount - this.claims.length));
    }
    this.addClaimRelations();
    return this.assemble();
  }

  // --- actors and events ---

  private addPeople(count: number) {
    for (let n = 1; n <= count; n++) {
      const id = `act-${this.tag}-p${n}`;
      if (this.rng.chance(rates.anonymous)) {
        const role = this.rng.pick(anonymousRoles);
        const place = this.rng.pick(stateNames);
        this.people.push({ id, mention: `a ${place}-based ${role}` });
        this.peopleRecords.push({
          id,
          kind: 'unnamed-group',
          name: `Unnamed ${place}-based ${role} ${this.index}-${n}`,
          anonymous: true,
          description: `described only as a ${place}-based ${role}`,
        });
        continue;
      }
      const name = `${this.rng.pick(firstNames)} ${this.rng.pick(lastNames)} ${this.index}-${n}`;
      this.people.push({ id, mention: name });
      this.peopleRecords.push({
        id,
        kind: 'person',
        name,
        ...(this.rng.chance(rates.affiliation) ? { affiliations: [this.affiliation()] } : {}),
      });
    }
  }

  private affiliation(): { organisation: string; role: string } {
    const atOutlet = this.rng.chance(0.5);
    const organisation = this.rng.pick(atOutlet ? this.pool.outlets : this.pool.agencies);
    const role = this.rng.pick(atOutlet ? outletRoles : agencyRoles);
    return { organisation: organisation.record.id, role };
  }

  private addEvents(count: number) {
    for (let n = 1; n <= count; n++) {
      const kind = this.rng.pick(eventKinds);
      const state = this.rng.pick(this.pool.states);
      const organiser = this.rng.pick([state, ...this.pool.agencies]);
      this.events.push({
        id: `evt-${this.tag}-${n}`,
        name: `${eventLabels[kind]} in ${state.record.name} (${this.index}-${n})`,
        kind,
        time: yearTime(this.rng.int(2012, 2023), 'Synthetic: the year of the event.'),
        place: state.record.name,
        participants: [{ actor: organiser.record.id, role: 'organiser' }],
      });
    }
  }

  // --- stories ---

  /**
   * A story: its claims, a chain of `hops` citations from the latest article down to an origin,
   * sometimes a second origin branch, and the attributions that make every source carry every
   * claim of the story.
   */
  private addStory(size: number) {
    const year = this.rng.int(2012, 2023);
    const claims = Array.from({ length: size }, () => this.addClaim(year));
    const hops = this.rng.weighted(hopWeights);
    const circular = hops >= 2 && this.rng.chance(rates.loop);
    const origin = this.storyOrigin(year, circular);
    // Position 0 is the latest source (an article); positions 1..hops-1 relay it.
    const chain = Array.from({ length: hops }, (_, position) => {
      const kind = position === 0 ? 'article' : this.rng.pick(relayKinds);
      return this.addSource(kind, this.relayPublisher(), { year, primary: false });
    });
    chain.forEach((source, position) => source.cites.push((chain[position + 1] ?? origin).id));
    // Circular reporting: the origin cites the source that cited it (never the latest one, or
    // no chain would have a start).
    if (circular) origin.cites.push(chain[1]!.id);
    const branch = this.rng.chance(rates.secondBranch) ? this.addBranch(year, origin) : [];
    if (branch.length > 0) chain[0]!.cites.push(branch[0]!.id);

    this.attributeStory(claims, chain, origin, branch);
    for (const claim of claims) this.chainHops.set(claim.id, Math.max(hops, branch.length));
  }

  /** A new origin, or (sometimes) one from an earlier story, so some sources carry many claims. */
  private storyOrigin(year: number, circular: boolean): SourceDraft {
    // A looped origin must not be primary: the walk stops at primary sources before the loop.
    if (!circular && this.origins.length > 0 && this.rng.chance(rates.reuseOrigin)) {
      return this.rng.pick(this.origins);
    }
    const origin = this.addSource(this.rng.pick(originKinds), this.originPublisher(), {
      year,
      primary: !circular && this.rng.chance(rates.primaryOrigin),
    });
    this.origins.push(origin);
    return origin;
  }

  /** A second line of 1–2 sources that the latest source also cites; its last is an origin. */
  private addBranch(year: number, mainOrigin: SourceDraft): SourceDraft[] {
    const length = this.rng.int(1, 2);
    const origin = this.addSource(this.rng.pick(originKinds), this.branchPublisher(mainOrigin), {
      year,
      primary: this.rng.chance(rates.primaryOrigin),
    });
    if (length === 1) return [origin];
    const relay = this.addSource(this.rng.pick(relayKinds), this.relayPublisher(), {
      year,
      primary: false,
    });
    relay.cites.push(origin.id);
    return [relay, origin];
  }

  private attributeStory(
    claims: ClaimDraft[],
    chain: SourceDraft[],
    origin: SourceDraft,
    branch: SourceDraft[],
  ) {
    const [latest, ...relays] = chain;
    const branchOrigin = branch.at(-1);
    for (const claim of claims) {
      const speaker = this.rng.pick(this.people);
      this.attribute(origin, claim, speaker, 'asserts');
      this.attribute(latest!, claim, this.reporter(latest!), 'reports');
      if (branchOrigin) this.attribute(branchOrigin, claim, this.otherPerson(speaker), 'asserts');
    }
    // Intermediate sources: half record the report in their text, half only carry the claims.
    for (const source of [...relays, ...branch.slice(0, -1)]) {
      if (this.rng.chance(rates.intermediateReports)) {
        for (const claim of claims) this.attribute(source, claim, speakerOf(source), 'reports');
      } else {
        source.carries.push(...claims.map((claim) => claim.id));
      }
    }
    for (const claim of claims) {
      if (this.rng.chance(rates.denial)) this.attribute(latest!, claim, this.denier(), 'denies');
    }
  }

  /** The latest source's report: by its own outlet, or by a named correspondent or expert. */
  private reporter(source: SourceDraft): Speaker {
    return this.rng.chance(rates.personReports) ? this.rng.pick(this.people) : speakerOf(source);
  }

  private denier(): Speaker {
    const official = this.rng.pick([...this.pool.states, ...this.pool.agencies]);
    return this.rng.chance(0.5) ? speakerOf({ publisher: official }) : this.rng.pick(this.people);
  }

  private otherPerson(not: Speaker): Speaker {
    const other = this.rng.pick(this.people);
    return other !== not
      ? other
      : this.people[(this.people.indexOf(not) + 1) % this.people.length]!;
  }

  /** Writes the attribution's sentence into the source's text and records its quote. */
  private attribute(
    source: SourceDraft,
    claim: ClaimDraft,
    actor: Speaker,
    stance: 'asserts' | 'reports' | 'denies',
  ) {
    source.text ??= new SourceText(source.title);
    const [before, quote, after] = sentence(stance, claim, actor);
    const { start, end } = source.text.add(before, quote, after);
    this.attributions.push({
      id: `att-${this.tag}-${this.attributions.length + 1}`,
      actor: actor.id,
      claim: claim.id,
      source: source.id,
      stance,
      quote,
      start,
      end,
      cue: { asserts: 'said', reports: 'reported', denies: 'denied' }[stance],
      speech: stance === 'asserts' ? 'direct' : 'indirect',
    });
  }

  // --- sources ---

  private addSource(
    kind: SourceKind,
    publisher: PoolActor,
    options: { year: number; primary: boolean },
  ): SourceDraft {
    const n = this.sources.length + 1;
    const source: SourceDraft = {
      id: `src-${this.tag}-${n}`,
      kind,
      title: `${capitalise(kind.replace('-', ' '))} by ${publisher.record.name} (${this.index}-${n})`,
      publisher,
      year: options.year,
      primary: options.primary,
      cites: [],
      carries: [],
    };
    this.sources.push(source);
    return source;
  }

  /** Articles and relays: mostly media outlets. */
  private relayPublisher(): PoolActor {
    return this.rng.chance(0.9)
      ? this.rng.pick(this.pool.outlets)
      : this.rng.pick(this.pool.agencies);
  }

  /** Origins: more often agencies and states than outlets. */
  private originPublisher(): PoolActor {
    const group = this.rng.weighted([
      [this.pool.agencies, 50],
      [this.pool.states, 15],
      [this.pool.outlets, 35],
    ] as const);
    return this.rng.pick(group);
  }

  /** Usually a publisher sharing no owner or state with the main origin: a truly second origin. */
  private branchPublisher(mainOrigin: SourceDraft): PoolActor {
    const candidate = this.originPublisher();
    if (!this.rng.chance(rates.independentBranch)) return candidate;
    const taken = new Set(mainOrigin.publisher.controllers);
    for (let tries = 0; tries < 20; tries++) {
      const publisher = tries === 0 ? candidate : this.originPublisher();
      if (!publisher.controllers.some((id) => taken.has(id))) return publisher;
    }
    return candidate;
  }

  // --- claims ---

  private addClaim(year: number): ClaimDraft {
    const n = this.claims.length + 1;
    const id = `clm-${this.tag}-${n}`;
    const [qualifier, noun] = this.rng.pick(objects);
    const count = this.rng.chance(rates.quantity) ? this.rng.int(2, 20_000) : undefined;
    const amount = count !== undefined ? String(count) : this.rng.pick(vagueAmounts);
    const dated = this.rng.chance(rates.refersTo);
    const body =
      `${this.rng.pick(subjects)} ${this.rng.pick(stateNames)} ${this.rng.pick(verbs)} ` +
      `${amount} ${qualifier} ${noun} in ${this.rng.pick(stateNames)}` +
      `${dated ? ` in ${year}` : ''} (report ${this.index}-${n})`;
    const claimTopics = new Set<string>();
    const topicCount = this.rng.int(1, 3);
    while (claimTopics.size < topicCount) claimTopics.add(this.rng.pick(topics));
    const event = this.rng.chance(rates.claimEvent) ? this.rng.pick(this.events) : undefined;
    this.claims.push({
      id,
      text: `${body}.`,
      topics: [...claimTopics],
      ...(dated ? { refersTo: { ...yearTime(year, 'Explicit year.'), raw: `in ${year}` } } : {}),
      ...(count !== undefined
        ? { quantities: [{ raw: String(count), value: count, unit: noun, kind: 'count' as const }] }
        : {}),
      ...(event ? { events: [event.id] } : {}),
    });
    return { id, body };
  }

  /** A few claims contradict or support another claim of the shard (never themselves). */
  private addClaimRelations() {
    const count = this.claims.length;
    if (count < 2) return;
    this.claims.forEach((claim, i) => {
      const draw = this.rng.next();
      if (draw >= rates.contradicts + rates.supports) return;
      const j = this.rng.int(0, count - 2);
      const other = this.claims[j >= i ? j + 1 : j]!;
      const type = draw < rates.contradicts ? 'contradicts' : 'supports';
      this.claimRelations.push({ from: claim.id, type, to: other.id });
    });
  }

  // --- output ---

  private assemble(): SyntheticShard {
    const sourceTexts = new Map<string, string>();
    const sources = this.sources.map((source): SourceInput => {
      const textFile = `synthetic/${source.id}.txt`;
      if (source.text) sourceTexts.set(textFile, source.text.toString());
      return {
        id: source.id,
        kind: source.kind,
        title: source.title,
        publisher: source.publisher.record.id,
        published: yearTime(source.year, 'Synthetic: the year of its story.'),
        ...(source.text ? { textFile } : {}),
        ...(source.kind === 'article'
          ? { url: `https://news.example/${this.tag}/${source.id}` }
          : {}),
        primary: source.primary,
        ...(source.cites.length > 0 ? { cites: source.cites } : {}),
        ...(source.carries.length > 0 ? { carries: source.carries } : {}),
      };
    });
    const actors = [...this.pool.all.map((actor) => ({ ...actor.record })), ...this.peopleRecords];
    const raw: SeedInput = {
      format: 'claimgraph-seed/1',
      id: `synthetic-${this.tag}`,
      description:
        `Synthetic benchmark shard ${this.index} (seed ${this.seed}, ${this.claimCount} claims), ` +
        'generated by bench/scale/syntheticGraph.ts.',
      enteredBy: 'claimgraph benchmark generator',
      sources,
      actors,
      claims: this.claims,
      attributions: this.attributions,
      claimRelations: this.claimRelations,
      events: this.events,
    };
    return {
      index: this.index,
      raw,
      sourceTexts,
      chainHops: this.chainHops,
      counts: {
        claims: this.claims.length,
        attributions: this.attributions.length,
        sources: sources.length,
        actors: actors.length,
        events: this.events.length,
        claimRelations: this.claimRelations.length,
      },
    };
  }
}

/**
 * The sentence recording an attribution, as [before, quote, after]: a direct quotation for
 * assertions (the quote is the speaker's words), a whole reporting or denial sentence otherwise.
 */
function sentence(
  stance: 'asserts' | 'reports' | 'denies',
  claim: ClaimDraft,
  actor: Speaker,
): [string, string, string] {
  const who = capitalise(actor.mention);
  if (stance === 'asserts') return ['"', claim.body, `," said ${actor.mention}.`];
  const verb = stance === 'reports' ? 'reported' : 'denied';
  return ['', `${who} ${verb} that ${lowerFirst(claim.body)}.`, ''];
}

/** A source's publisher as the speaker of a report in it. */
function speakerOf(source: { publisher: PoolActor }): Speaker {
  return { id: source.publisher.record.id, mention: source.publisher.record.name };
}

function yearTime(year: number, basis: string): TimeInput {
  return { raw: null, value: String(year), precision: 'year', basis };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
