// Vite build of the offline GraphiQL console: everything (GraphiQL, Monaco and its workers, fonts)
// is bundled from node_modules into console/dist, served by the API under /graphiql/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: consoleRoot,
  base: '/graphiql/',
  // The saved example queries live in docs/queries, outside the Vite root.
  server: { fs: { allow: [projectRoot] } },
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco alone is a few MB; the console is served locally, so chunk size is not a concern.
    chunkSizeWarningLimit: 8000,
    // Radix / framer-motion ship "use client" directives, meaningless in a client-only bundle.
    rolldownOptions: { checks: { moduleLevelDirective: false } },
  },
});
