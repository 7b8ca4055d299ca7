import { z } from 'zod';
import { seedSetSchema } from './seedFormat.js';

/** The JSON Schema of the seed format (seeds/seed.schema.json), generated from the zod schema. */
export function seedJsonSchema(): Record<string, unknown> {
  return { title: 'claimgraph seed set', ...z.toJSONSchema(seedSetSchema, { io: 'input' }) };
}
