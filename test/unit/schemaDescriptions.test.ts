import { describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from '../../src/graphql/buildSchema.js';

// GraphiQL shows these descriptions to users: every type and field of schema/ needs one.
// Types are inspected by shape, not with graphql's is…Type helpers: under vitest, graphql's ESM
// and CJS builds can both load, and those helpers refuse objects from the other build.
interface TypeLike {
  name: string;
  description?: string | null;
  getFields?: () => Record<string, { name: string; description?: string | null }>;
}

const builtInScalars = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

describe('the GraphQL schema', () => {
  const schema = buildGraphQLSchema();
  const ownTypes = (Object.values(schema.getTypeMap()) as TypeLike[]).filter(
    (type) => !type.name.startsWith('__') && !builtInScalars.has(type.name),
  );
  const fieldsOf = (name: string) =>
    Object.keys((schema.getType(name) as TypeLike).getFields?.() ?? {});

  it('describes every type', () => {
    expect(ownTypes.length).toBeGreaterThan(20);
    expect(ownTypes.filter((type) => !type.description?.trim()).map((type) => type.name)).toEqual(
      [],
    );
  });

  it('describes every field and input field', () => {
    const undescribed = ownTypes.flatMap((type) =>
      Object.values(type.getFields?.() ?? {})
        .filter((field) => !field.description?.trim())
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(undescribed).toEqual([]);
  });

  it('keeps the public contract of DESIGN.md', () => {
    expect(fieldsOf('Query')).toEqual(
      expect.arrayContaining(['claim', 'actor', 'source', 'event', 'search']),
    );
    expect(fieldsOf('Claim')).toEqual(
      expect.arrayContaining([
        'id',
        'text',
        'attributions',
        'sourcingChains',
        'independentOrigins',
        'contradicts',
        'contradictedBy',
      ]),
    );
    expect(fieldsOf('Attribution')).toEqual(
      expect.arrayContaining(['stance', 'actor', 'claim', 'source', 'quote', 'said']),
    );
    expect(fieldsOf('SourcingChain')).toEqual(expect.arrayContaining(['hops', 'origin']));
  });
});
