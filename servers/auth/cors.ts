/**
 * CORS for the Okta-shaped endpoints. Every okta-auth-js call sends `X-Okta-User-Agent-Extended`, so
 * every call is preflighted: echo the requested headers. The widget sends credentials, which needs the
 * exact origin (never `*`) and `Access-Control-Allow-Credentials: true`.
 */
import type { NextFunction, Request, Response } from 'express';
import { CORS } from './defaults.ts';

export function cors(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    res.vary('Origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (ok) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': CORS.exposedHeaders,
      });
    }
    if (req.method === 'OPTIONS') {
      if (ok) {
        res.set({
          'Access-Control-Allow-Methods': CORS.methods,
          'Access-Control-Max-Age': String(CORS.preflightMaxAgeSeconds),
        });
        const requested = req.get('access-control-request-headers');
        if (requested) res.set('Access-Control-Allow-Headers', requested);
      }
      res.status(204).end();
      return;
    }
    next();
  };
}
