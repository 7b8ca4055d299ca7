import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Limits every operation must meet before it runs (docs/errors.md lists them). They are
 * checked while parsing and validating, so an abusive query is refused before it reaches Neo4j.
 * The saved example queries stay well inside them: the deepest has 7 levels, the costliest
 * (05, named and anonymous claims) an estimated cost of about 8,700.
 */
export const queryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 3000,
  maxDirectives: 20,
  maxCost: 20_000,
} as const;

/**
 * The schema has no Subscription type, and graphql-js 16 only notices while executing, with an
 * error that has no code (so it became INTERNAL): refuse subscriptions while validating.
 */
export const noSubscriptions: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription')
      context.reportError(
        new GraphQLError('Subscriptions are not supported by this API.', { nodes: node }),
      );
  },
});

/** Apollo plugins and validation rules enforcing queryLimits, and no batched HTTP requests. */
export function queryLimitProtection() {
  const armor = new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    // allowList: [] counts aliases of __typename too (armor exempts them by default), so
    // 500 `a1: __typename` aliases are refused like any others.
    maxAliases: { n: queryLimits.maxAliases, exposeLimits: true, allowList: [] },
    // Tokens are limited by graphql's own parser (see parseOptions below): armor's token plugin
    // re-parses in a hook and turns every syntax error into an HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: queryLimits.maxDirectives, exposeLimits: true },
    costLimit: { maxCost: queryLimits.maxCost, ignoreIntrospection: true, exposeLimits: true },
    // Field suggestions ("Did you mean…") help researchers; the schema is public anyway.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { ...armor, validationRules: [...armor.validationRules, noSubscriptions] };
}

/** Parser options for Apollo: the token limit, enforced while parsing. */
export const parseOptions = { maxLexicalTokens: queryLimits.maxTokens };

/** Recognises limit refusals, which arrive as parse or validation errors. */
export function isQueryLimitError(message: string): boolean {
  return (
    /^Syntax Error: (Query depth|Aliases|Directives|Query Cost) limit/.test(message) ||
    // graphql 16 spells it "more that".
    /^Syntax Error: Document contains more tha[nt] \d+ tokens/.test(message)
  );
}
