// Vite build of the claim explorer: everything (cytoscape included) is bundled from node_modules
// into console/explore/dist, served by the API under /explore/. No CDN: it works offline.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const explorerRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: explorerRoot,
  base: '/explore/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // cytoscape is ~440 kB minified; the explorer is served locally, so that is fine.
    chunkSizeWarningLimit: 800,
  },
});
