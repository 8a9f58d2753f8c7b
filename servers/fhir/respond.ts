import type { Express, Response } from 'express';
import { CompressionSlots, preferredCoding } from './compression.ts';
import { defaults, FHIR_JSON } from './config.ts';

/** Sends a FHIR JSON body; strings are sent as they are (search bundles are assembled as text). */
export function sendFhir(res: Response, status: number, body: string | object): void {
  sendJson(res, status, body, FHIR_JSON);
}

/**
 * Every body this server answers with is written here: compressed when it is worth it and the client
 * accepts a coding we send. The coding is chosen per request, so every answer says `Vary:
 * Accept-Encoding`. A read's weak version ETag (`W/"3"`) is the same for either coding: RFC 9110
 * §8.8.1 lets representations that differ only in content coding share a weak validator (a strong one
 * would have to differ), and If-None-Match compares weakly, so a 304 is right whichever the client holds.
 */
export function sendJson(
  res: Response,
  status: number,
  body: string | object,
  type = 'application/json',
): void {
  res.status(status);
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.vary('Accept-Encoding');
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const coding =
    bytes.length >= defaults.compressMinBytes
      ? preferredCoding(res.req.headers['accept-encoding'])
      : undefined;
  if (coding === undefined) {
    sendBytes(res, bytes);
    return;
  }
  slots(res)
    .compress(bytes, coding)
    .then(
      (packed) => {
        if (packed) res.setHeader('Content-Encoding', coding);
        sendBytes(res, packed ?? bytes);
      },
      () => sendBytes(res, bytes),
    )
    // Only if writing itself failed: end this connection, never the process.
    .catch(() => res.destroy());
}

const SLOTS = 'compressionSlots';

/** Bounds the compressions in flight for every answer `app` sends (config.ts `maxCompressions`). */
export function boundCompressions(app: Express, limit: number): void {
  app.locals[SLOTS] = new CompressionSlots(limit);
}

const slots = (res: Response) => res.app.locals[SLOTS] as CompressionSlots;

/**
 * Not Express's res.send, which would also turn a request it finds fresh into a 304 by its own rule:
 * a read decides that (conditional.ts). Node sends the headers alone for HEAD, Content-Length included.
 */
function sendBytes(res: Response, bytes: Buffer): void {
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

/** 304 Not Modified: no body, but the Vary a 200 would have carried (RFC 9110 §15.4.5). */
export function sendNotModified(res: Response): void {
  res.vary('Accept-Encoding');
  res.status(304).end();
}

/** What the audit log should count as this request's result size. */
export function setResultCount(res: Response, count: number): void {
  res.locals['resultCount'] = count;
}
