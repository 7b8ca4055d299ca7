import type { Executor } from './executor.js';
import { Label } from './graphVocabulary.js';

/** True when the graph holds no claim yet (so `npm start` should load the seeds). */
export async function hasNoClaims(executor: Executor): Promise<boolean> {
  const [row] = await executor.read({
    name: 'hasNoClaims',
    cypher: `RETURN NOT EXISTS { MATCH (:${Label.Claim}) } AS empty`,
  });
  return row?.empty === true;
}
