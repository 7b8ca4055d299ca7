// Vite build of the editor's desk: bundled from node_modules into console/desk/dist, served by the
// API under /desk/. No CDN: it works offline.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const deskRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: deskRoot,
  base: '/desk/',
  build: { outDir: 'dist', emptyOutDir: true },
});
