/**
 * The four questions the scale benchmark asks, each in its three forms: (A) straight through
 * neo4j-driver, (B) a minimal HTTP handler running (A), (C) the full GraphQL stack. `fromGraphQL`
 * turns (C)'s `data` into (A)'s answer shape, so all three can be checked identical.
 */
import type { Driver } from 'neo4j-driver';
import * as direct from './directQueries.js';

/** What a question is asked about: a claim id or a search text. */
export type QueryArgument = string;

export interface BenchQuery {
  readonly name: 'claimById' | 'search' | 'sourcingChains' | 'independence';
  readonly title: string;
  /** (A). */
  readonly direct: (driver: Driver, argument: QueryArgument) => Promise<unknown>;
  /** (B): the path the minimal handler answers, e.g. `/claimById?arg=clm-b0-1`. */
  readonly httpPath: (argument: QueryArgument) => string;
  /** (C): the GraphQL document and its variables. */
  readonly graphql: string;
  readonly variables: (argument: QueryArgument) => Record<string, unknown>;
  readonly fromGraphQL: (data: Record<string, unknown>) => unknown;
}

const path = (name: string) => (argument: string) => `/${name}?arg=${encodeURIComponent(argument)}`;

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL JSON, shaped by the documents above */
export const benchQueries: readonly BenchQuery[] = [
  {
    name: 'claimById',
    title: 'claim by id',
    direct: direct.claimById,
    httpPath: path('claimById'),
    graphql: 'query ClaimById($id: ID!) { claim(id: $id) { id text topics } }',
    variables: (id) => ({ id }),
    fromGraphQL: (data: any) => data.claim,
  },
  {
    name: 'search',
    title: 'full-text search (10 hits)',
    direct: direct.search,
    httpPath: path('search'),
    graphql: 'query Search($text: String!) { search(text: $text, first: 10) { kind id score } }',
    variables: (text) => ({ text }),
    fromGraphQL: (data: any) => data.search,
  },
  {
    name: 'sourcingChains',
    title: 'sourcing chains',
    direct: direct.chains,
    httpPath: path('sourcingChains'),
    graphql:
      'query Chains($id: ID!) { claim(id: $id) { sourcingChains { hops { source { id title } } reachesPrimary circular } } }',
    variables: (id) => ({ id }),
    fromGraphQL: (data: any) =>
      data.claim === null
        ? null
        : data.claim.sourcingChains.map((chain: any) => ({
            sources: chain.hops.map((hop: any) => hop.source),
            reachesPrimary: chain.reachesPrimary,
            circular: chain.circular,
          })),
  },
  {
    name: 'independence',
    title: 'independence (origins, reasoning, flags)',
    direct: direct.independence,
    httpPath: path('independence'),
    graphql: `query Independence($id: ID!) { claim(id: $id) { sourcing {
      independentOrigins originGroups { origins { id } } reasoning
      flags { singleOrigin onlyAnonymousSpeakers onlyStateAffiliated stateAffiliations { id }
              circularReporting denied deniedBy { id } contradicted contradictedBy { id } } } } }`,
    variables: (id) => ({ id }),
    fromGraphQL: (data: any) => {
      if (data.claim === null) return null;
      const { sourcing } = data.claim;
      const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);
      return {
        independentOrigins: sourcing.independentOrigins,
        originGroups: sourcing.originGroups.map((group: any) => ids(group.origins)),
        reasoning: sourcing.reasoning,
        flags: {
          ...sourcing.flags,
          stateAffiliations: ids(sourcing.flags.stateAffiliations),
          deniedBy: ids(sourcing.flags.deniedBy),
          contradictedBy: ids(sourcing.flags.contradictedBy),
        },
      };
    },
  },
];
/* eslint-enable @typescript-eslint/no-explicit-any */
