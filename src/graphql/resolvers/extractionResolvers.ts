import { stringify } from 'yaml';
import { readKnownActors } from '../../db/knownActorsQuery.js';
import type { KnownActor } from '../../extract/articleInput.js';
import { extractArticle, extractorVersion } from '../../extract/extractArticle.js';
import { countWords } from '../../extract/tokens.js';
import { AppError } from '../../errors/appError.js';
import type { GraphQLContext } from '../context.js';

const MAX_ARTICLE_CHARACTERS = 200_000;

interface ExtractArticleArgs {
  input: {
    text: string;
    title?: string | null;
    url?: string | null;
    publisher?: string | null;
    published?: string | null;
  };
}

const present = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value.trim() === '' ? undefined : value;

/** Query.extractArticle: validate, read the graph's actors, extract; nothing is written. */
export const extractionResolvers = {
  Query: {
    async extractArticle(_parent: unknown, { input }: ExtractArticleArgs, context: GraphQLContext) {
      if (input.text.trim().length === 0)
        throw new AppError('BAD_USER_INPUT', 'input.text: must not be empty', {
          field: 'input.text',
        });
      if (input.text.length > MAX_ARTICLE_CHARACTERS)
        throw new AppError(
          'BAD_USER_INPUT',
          `input.text: at most ${MAX_ARTICLE_CHARACTERS} characters`,
          { field: 'input.text' },
        );
      const published = present(input.published);
      if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published))
        throw new AppError('BAD_USER_INPUT', 'input.published: must be a date YYYY-MM-DD', {
          field: 'input.published',
        });
      const url = present(input.url);
      if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
        throw new AppError('BAD_USER_INPUT', 'input.url: must be an http(s) URL', {
          field: 'input.url',
        });
      const knownActors = (await readKnownActors(context.executor)) as KnownActor[];
      const draft = extractArticle(
        {
          text: input.text,
          title: present(input.title),
          url,
          publisher: present(input.publisher),
          published,
        },
        { knownActors },
      );
      return {
        extractorVersion,
        words: countWords(input.text),
        attributions: draft.attributions.map((attribution) => ({
          ...attribution,
          actorId: attribution.actor,
          claimId: attribution.claim,
          quoteStart: attribution.start,
          quoteEnd: attribution.end,
        })),
        actors: draft.actors.map((actor) => {
          const resolution = (
            actor as { resolution?: { status: string; reason: string; score: number } }
          ).resolution;
          return {
            ...actor,
            existing: resolution?.status === 'existing',
            reason: resolution?.reason ?? '',
            score: resolution?.score ?? 0,
          };
        }),
        claims: draft.claims.map((claim) => ({
          ...claim,
          figures: claim.quantities.map((quantity) => ({
            ...quantity,
            changeRaw: quantity.change?.raw,
            changeValue: quantity.change?.value,
            changeBasis: quantity.change?.basis,
          })),
        })),
        sources: draft.sources.map((source) => ({
          ...source,
          publisherId: source.publisher,
          citesIds: source.cites,
        })),
        seedYaml: stringify(draft, { lineWidth: 0 }),
      };
    },
  },
};
