import express, { type Request, type Response, type Router } from 'express';
import type { Executor } from '../db/executor.js';
import { AppError } from '../errors/appError.js';
import { errorCatalogue } from '../errors/errorCatalogue.js';
import { claimJsonLd } from '../export/claimJsonLd.js';
import { writeEdgesCsv, writeNodesCsv } from '../export/csvExport.js';
import { parseSelection, type GraphSelection } from '../export/graphSelection.js';
import { writeGraphml } from '../export/graphmlExport.js';
import { openGraphStream, type GraphStream } from '../export/graphStream.js';
import { writeJsonExport } from '../export/jsonExport.js';
import { writableSink, type TextSink } from '../export/textSink.js';

/** What each `format=` sends: media type, file name stem and writer. */
const httpFormats = {
  json: {
    contentType: 'application/json; charset=utf-8',
    file: (stem: string) => `${stem}.json`,
    write: (stream: GraphStream, selection: GraphSelection, sink: TextSink) =>
      writeJsonExport(stream, selection, sink),
  },
  'csv-nodes': {
    contentType: 'text/csv; charset=utf-8; header=present',
    file: (stem: string) => `${stem}-nodes.csv`,
    write: (stream: GraphStream, _selection: GraphSelection, sink: TextSink) =>
      writeNodesCsv(stream, sink),
  },
  'csv-edges': {
    contentType: 'text/csv; charset=utf-8; header=present',
    file: (stem: string) => `${stem}-edges.csv`,
    write: (stream: GraphStream, _selection: GraphSelection, sink: TextSink) =>
      writeEdgesCsv(stream, sink),
  },
  graphml: {
    contentType: 'application/graphml+xml; charset=utf-8',
    file: (stem: string) => `${stem}.graphml`,
    write: (stream: GraphStream, _selection: GraphSelection, sink: TextSink) =>
      writeGraphml(stream, sink),
  },
} as const;

type HttpFormat = keyof typeof httpFormats;

/**
 * The export endpoints, to be mounted at /export:
 * - `GET /?format=json|csv-nodes|csv-edges|graphml[&claim=ID | &label=LABEL]` streams the graph
 *   (or a claim's neighbourhood, or one label) as a download;
 * - `GET /claims/:id.jsonld` is one claim as schema.org JSON-LD.
 * Errors are JSON `{ code, message }` with the catalogue's codes and statuses (unknown claim:
 * 404 NOT_FOUND; bad format or filter: 400 BAD_USER_INPUT).
 */
export function exportRouter(
  executor: Executor,
  log: (message: string, error?: unknown) => void = (message, error) =>
    console.error(message, error ?? ''),
): Router {
  const router = express.Router();

  router.get('/', async (request: Request, response: Response) => {
    try {
      const query = singleValues(request.query);
      const name = query.format ?? 'json';
      // Own keys only: `in` also finds inherited names such as __proto__ and toString.
      if (!Object.hasOwn(httpFormats, name)) {
        throw new AppError(
          'BAD_USER_INPUT',
          `Unknown format "${name}"; use one of ${Object.keys(httpFormats).join(', ')}.`,
          { field: 'format' },
        );
      }
      const format = httpFormats[name as HttpFormat];
      const selected = parseSelection({ claim: query.claim, label: query.label });
      if (!selected.ok) throw new AppError('BAD_USER_INPUT', selected.message);
      // Resolve and count first: a missing claim is still a clean 404, not a broken download.
      const stream = await openGraphStream(executor, selected.selection);
      const stem = fileStem(selected.selection);
      response.status(200);
      response.setHeader('Content-Type', format.contentType);
      response.setHeader('Content-Disposition', `attachment; filename="${format.file(stem)}"`);
      await format.write(stream, selected.selection, writableSink(response));
      response.end();
    } catch (error) {
      sendError(response, error, log);
    }
  });

  router.get('/claims/:id.jsonld', async (request: Request, response: Response) => {
    try {
      const id = String(request.params.id);
      const selected = parseSelection({ claim: id });
      if (!selected.ok) throw new AppError('BAD_USER_INPUT', selected.message, { field: 'id' });
      const document = await claimJsonLd(executor, id);
      response.status(200);
      response.setHeader('Content-Type', 'application/ld+json; charset=utf-8');
      response.setHeader('Content-Disposition', `inline; filename="${id}.jsonld"`);
      response.send(`${JSON.stringify(document, null, 2)}\n`);
    } catch (error) {
      sendError(response, error, log);
    }
  });

  return router;
}

/** `claimgraph`, `claimgraph-<claim id>` or `claimgraph-<label>`; ids were checked to be safe. */
function fileStem(selection: GraphSelection): string {
  switch (selection.kind) {
    case 'all':
      return 'claimgraph';
    case 'label':
      return `claimgraph-${selection.label}`;
    case 'claim':
      return `claimgraph-${selection.claimId}`;
  }
}

/** The query string's parameters, refusing repeated ones (`?format=a&format=b`). */
function singleValues(query: Request['query']): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') {
      throw new AppError('BAD_USER_INPUT', `Give "${key}" once, as plain text.`, { field: key });
    }
    values[key] = value;
  }
  return values;
}

function sendError(
  response: Response,
  error: unknown,
  log: (message: string, error?: unknown) => void,
) {
  const appError =
    error instanceof AppError ? error : new AppError('INTERNAL', 'Internal error in the export.');
  if (appError.code === 'INTERNAL') log('export failed', error);
  if (response.headersSent) {
    // Mid-download: the status is gone, so cut the connection rather than send a truncated file.
    response.destroy();
    return;
  }
  response.removeHeader('Content-Disposition');
  response
    .status(errorCatalogue[appError.code].httpStatus)
    .json({ code: appError.code, message: appError.message });
}
