import type { Executor } from '../db/executor.js';
import { GraphReader } from '../db/graphReader.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver gets: the executor for root queries and per-request batch loaders. */
export interface GraphQLContext {
  readonly executor: Executor;
  readonly loaders: Loaders;
}

/** Builds a fresh context for one request (loaders cache only within it). */
export function createContext(executor: Executor): GraphQLContext {
  return { executor, loaders: createLoaders(new GraphReader(executor)) };
}
