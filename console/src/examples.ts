/** A saved example query from docs/queries, bundled at build time. */
export interface Example {
  /** File name, e.g. `01-sourcing-chain.graphql`. */
  file: string;
  /** From the `# Title: …` first line; falls back to the file name. */
  title: string;
  /** The following `# …` comment lines, joined with spaces. */
  description: string;
  /** The whole file, comments included, as opened in the editor. */
  query: string;
}

const files = import.meta.glob<string>('../../docs/queries/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Parses one example file: leading `#` comment lines give the title and description. */
export function parseExample(file: string, text: string): Example {
  const comments: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    comments.push(line.replace(/^#\s?/, '').trim());
  }
  const titleMatch = /^Title:\s*(.+)$/i.exec(comments[0] ?? '');
  const title = titleMatch?.[1]?.trim() ?? file.replace(/\.graphql$/, '');
  const description = comments
    .slice(titleMatch ? 1 : 0)
    .filter((line) => line !== '')
    .join(' ');
  return { file, title, description, query: text };
}

/** Every docs/queries/*.graphql file, sorted by file name. */
export const examples: Example[] = Object.entries(files)
  .map(([path, text]) => parseExample(path.slice(path.lastIndexOf('/') + 1), text))
  .sort((a, b) => a.file.localeCompare(b.file));

/** The query opened on a fresh profile: the `01-` file, else the first one, else a hint. */
export const defaultQuery: string =
  (examples.find((example) => example.file.startsWith('01-')) ?? examples[0])?.query ??
  '# No example queries were bundled (docs/queries/*.graphql is empty).\n{\n  __typename\n}\n';
