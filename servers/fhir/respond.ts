import type { Response } from 'express';
import { compress, preferredCoding } from './compression.ts';
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
  // A fresh conditional GET becomes a bodiless 304 in res.send, which must name no coding.
  const coding =
    bytes.length >= defaults.compressMinBytes && !res.req.fresh
      ? preferredCoding(res.req.headers['accept-encoding'])
      : undefined;
  if (coding === undefined) {
    res.send(bytes);
    return;
  }
  // res.send sets Content-Length from what it is given, and sends headers only for HEAD.
  compress(bytes, coding)
    .then(
      (packed) => {
        res.setHeader('Content-Encoding', coding);
        res.send(packed);
      },
      () => res.send(bytes),
    )
    // Only if writing itself failed: end this connection, never the process.
    .catch(() => res.destroy());
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
