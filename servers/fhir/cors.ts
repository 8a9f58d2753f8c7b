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
 * CORS for exactly one origin, the app's. Tokens travel in headers, never cookies, so no credentials
 * mode; the browser preflights because of `Authorization`/`DPoP`, and we answer without a token.
 */
export function cors(appOrigin: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.vary('Origin');
    if (req.headers.origin !== appOrigin) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', appOrigin);
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
