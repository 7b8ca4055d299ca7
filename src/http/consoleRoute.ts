import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** The browser bundles built by `npm run build:console`, by the path they are served at. */
export const consoleBundles = {
  graphiql: { dir: '../../console/dist/', name: 'GraphiQL console' },
  explore: { dir: '../../console/explore/dist/', name: 'Claim explorer' },
  desk: { dir: '../../console/desk/dist/', name: 'Editor’s desk' },
} as const;

/**
 * Serves one Vite build at the router root (mount `graphiql` at /graphiql, `explore` at /explore
 * and `desk` at /desk: each bundle is built with that base). Answers 503 with a plain-text hint
 * while the build is missing, checked on every request so building needs no server restart.
 * Hashed assets are cached for a year; index.html is always revalidated.
 */
export function consoleRouter(bundle: keyof typeof consoleBundles): Router {
  const { dir, name } = consoleBundles[bundle];
  const distDir = fileURLToPath(new URL(dir, import.meta.url));
  const indexHtml = `${distDir}index.html`;
  const router = express.Router();
  router.use((_request, response, next) => {
    if (existsSync(indexHtml)) return next();
    response.status(503).type('text/plain').send(`${name} is not built: run npm run build:console`);
  });
  router.use(
    express.static(distDir, {
      setHeaders(response, filePath) {
        response.setHeader(
          'Cache-Control',
          filePath.startsWith(`${distDir}assets${sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    }),
  );
  return router;
}
