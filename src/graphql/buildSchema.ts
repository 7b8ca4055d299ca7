import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { projectRoot } from '../config/config.js';
import { actorResolvers } from './resolvers/actorResolvers.js';
import { analysisResolvers } from './resolvers/analysisResolvers.js';
import { attributionResolvers } from './resolvers/attributionResolvers.js';
import {
  claimRelationResolvers,
  claimResolvers,
  quantityResolvers,
  sourcingResolvers,
} from './resolvers/claimResolvers.js';
import { correctionResolvers } from './resolvers/correctionResolvers.js';
import { deskResolvers } from './resolvers/deskResolvers.js';
import { enumValues } from './resolvers/enumValues.js';
import { historyResolvers } from './resolvers/historyResolvers.js';
import { extractionResolvers } from './resolvers/extractionResolvers.js';
import { mutationResolvers } from './resolvers/mutationResolvers.js';
import { queryResolvers, searchHitResolvers } from './resolvers/queryResolvers.js';
import { reuseResolvers } from './resolvers/reuseResolvers.js';
import { citationResolvers, sourceResolvers } from './resolvers/sourceResolvers.js';

/** The SDL files in schema/, the API's source of truth, concatenated in name order. */
export function readTypeDefs(): string {
  const schemaDir = path.join(projectRoot, 'schema');
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), 'utf8'))
    .join('\n');
}

/** The executable schema: SDL from schema/ plus the resolvers of src/graphql/resolvers. */
export function buildGraphQLSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    // Resolver maps are merged type by type: `revisions` joins each type's own resolvers.
    resolvers: [
      {
        ...enumValues,
        Query: { ...queryResolvers, ...extractionResolvers.Query, ...deskResolvers.Query },
        Mutation: {
          ...mutationResolvers,
          ...correctionResolvers,
          ...deskResolvers.Mutation,
          ...reuseResolvers.Mutation,
        },
        Draft: deskResolvers.Draft,
        ClaimMatch: deskResolvers.ClaimMatch,
        SourceMatch: deskResolvers.SourceMatch,
        DraftActorReview: deskResolvers.DraftActorReview,
        DraftFigureConflict: deskResolvers.DraftFigureConflict,
        DraftCopy: deskResolvers.DraftCopy,
        DraftCommit: deskResolvers.DraftCommit,
        SearchHit: searchHitResolvers,
        Claim: claimResolvers,
        ClaimRelation: claimRelationResolvers,
        Citation: citationResolvers,
        Quantity: quantityResolvers,
        ...sourcingResolvers,
        ...analysisResolvers,
        Attribution: attributionResolvers,
        ...actorResolvers,
        ...sourceResolvers,
        Source: { ...sourceResolvers.Source, ...reuseResolvers.Source },
        SharedText: reuseResolvers.SharedText,
        CopyLink: reuseResolvers.CopyLink,
      },
      historyResolvers,
    ],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
