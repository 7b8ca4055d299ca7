import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const distDir = fileURLToPath(new URL('../../console/dist/', import.meta.url));
const indexHtml = fileURLToPath(new URL('../../console/dist/index.html', import.meta.url));

/** Body of the 503 answered while console/dist has not been built. */
export const CONSOLE_NOT_BUILT = 'GraphiQL console is not built: run npm run build:console';

/**
 * Serves the offline GraphiQL console (the Vite build in console/dist) at the router root.
 * Mount it as `app.use('/graphiql', graphiqlRouter())`: the bundle is built with base `/graphiql/`.
 * Answers 503 with a plain-text hint while console/dist/index.html is missing (checked on every
 * request, so building the console does not need a server restart).
 */
export function graphiqlRouter(): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    if (existsSync(indexHtml)) return next();
    res.status(503).type('text/plain').send(CONSOLE_NOT_BUILT);
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
