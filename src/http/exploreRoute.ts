import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const distDir = fileURLToPath(new URL('../../console/explore/dist/', import.meta.url));
const indexHtml = fileURLToPath(new URL('../../console/explore/dist/index.html', import.meta.url));

/** Body of the 503 answered while console/explore/dist has not been built. */
export const EXPLORER_NOT_BUILT = 'Claim explorer is not built: run npm run build:console';

/**
 * Serves the claim explorer (the Vite build in console/explore/dist) at the router root.
 * Mount it as `app.use('/explore', exploreRouter())`: the bundle is built with base `/explore/`.
 * Answers 503 with a plain-text hint while console/explore/dist/index.html is missing (checked on
 * every request, so building the explorer does not need a server restart).
 */
export function exploreRouter(): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    if (existsSync(indexHtml)) return next();
    res.status(503).type('text/plain').send(EXPLORER_NOT_BUILT);
  });
  router.use(
    express.static(distDir, {
      setHeaders(res, filePath) {
        // Vite content-hashes everything under assets/; index.html must always be revalidated.
        res.setHeader(
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
