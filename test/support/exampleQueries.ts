import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config/config.js';

/** The saved example query whose file name starts with `prefix` (e.g. `01-`), as GraphiQL offers it. */
export function exampleQuery(prefix: string): string {
  const dir = path.join(projectRoot, 'docs/queries');
  const file = readdirSync(dir).find(
    (name) => name.startsWith(prefix) && name.endsWith('.graphql'),
  );
  if (!file) throw new Error(`no docs/queries/${prefix}*.graphql`);
  return readFileSync(path.join(dir, file), 'utf8');
}

/** Every saved example query file name. */
export function exampleQueryFiles(): string[] {
  return readdirSync(path.join(projectRoot, 'docs/queries')).filter((name) =>
    name.endsWith('.graphql'),
  );
}
