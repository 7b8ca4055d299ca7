import type { SeedActor } from '../ingest/seedFormat.js';

/** An article to extract: its text and what the editor knows about it. */
export interface ArticleInput {
  /** The article text, exactly as received; every offset in the draft points into it. */
  readonly text: string;
  readonly title?: string;
  readonly url?: string;
  /** The outlet's name as the editor gives it, e.g. "Global Times". */
  readonly publisher?: string;
  /** Publication date, YYYY-MM-DD: relative times ("on Monday", "last year") resolve against it. */
  readonly published?: string;
  /** The file name written as the draft source's textFile, so `seed validate` can check quotes. */
  readonly textFile?: string;
}

/** An actor already in the graph, as the speaker resolver needs it. */
export type KnownActor = Pick<SeedActor, 'id' | 'kind' | 'name' | 'aliases' | 'anonymous'> & {
  readonly description?: string;
  /** Its affiliations, with the organisation's name and aliases: a role in the text can pick it. */
  readonly affiliations?: readonly KnownAffiliation[];
};

/** An affiliation of a known actor, as speaker resolution reads it. */
export interface KnownAffiliation {
  readonly role: string;
  /** The organisation's name first, then its aliases. */
  readonly organisationNames: readonly string[];
}

/** What the extraction can draw on besides the text. */
export interface ExtractOptions {
  /** Actors already in the graph; speakers are resolved against them. */
  readonly knownActors?: readonly KnownActor[];
}
