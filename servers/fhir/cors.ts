import type { NextFunction, Request, Response } from 'express';

const allowedHeaders = [
  'Authorization',
  'DPoP',
  'Content-Type',
  'Accept',
  'Prefer',
  'If-None-Match',
  'If-Match',
  'X-Request-Id',
  // Sent by apps configured with the opt-in public API key (fhir.apiKey); this server ignores it.
  'X-API-Key',
].join(', ');

const exposedHeaders = [
  'ETag',
  'Last-Modified',
  'Location',
  'Content-Location',
  'WWW-Authenticate',
  'DPoP-Nonce',
  'X-Request-Id',
].join(', ');

/**
 * CORS for exactly the app's origins (usually one). Tokens travel in headers, never cookies, so no
 * credentials mode; the browser preflights because of `Authorization`/`DPoP`, and we answer without a token.
 */
export function cors(appOrigins: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.vary('Origin');
    const origin = req.headers.origin;
    if (origin === undefined || !appOrigins.includes(origin)) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', exposedHeaders);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', allowedHeaders);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
