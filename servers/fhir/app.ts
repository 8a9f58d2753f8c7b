import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { auditPath, type AuditLog } from './audit.ts';
import { authorizeSomeWrite } from './auth/scopes.ts';
import type { Caller, TokenVerifier } from './auth/token.ts';
import { defaults } from './config.ts';
import { cors } from './cors.ts';
import { checkBodyCoding, errorHandler } from './error-handler.ts';
import { FhirError, MethodNotAllowed, NotFound } from './errors.ts';
import { metadata } from './interactions/metadata.ts';
import { read } from './interactions/read.ts';
import { search } from './interactions/search.ts';
import { smartConfiguration } from './interactions/smart-configuration.ts';
import { transaction } from './interactions/transaction.ts';
import { boundCompressions } from './respond.ts';
import type { Logger } from '../../protocol/logger.ts';
import type { FhirStore } from './store/store.ts';

export interface AppContext {
  store: FhirStore;
  baseUrl: string;
  issuer: string;
  appOrigin: string | readonly string[];
  verifyToken: TokenVerifier;
  audit: AuditLog;
  log: Logger;
  /** Answers compressed at once; past it they go out as they are (`defaults.maxCompressions`). */
  maxCompressions: number;
}

/** The HTTP surface, in the order checks happen: CORS, open endpoints, the token, then interactions. */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Express's body-hash ETags would contradict ours (versions); reads set their own.
  app.set('etag', false);
  boundCompressions(app, ctx.maxCompressions);
  const basePath = new URL(ctx.baseUrl).pathname;
  const origin = new URL(ctx.baseUrl).origin;

  app.use(requestLog(ctx));
  // PHI must not outlive the session in a browser's or a proxy's cache (shared workstations); the two
  // discovery documents below, which hold none, revalidate instead.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cors(typeof ctx.appOrigin === 'string' ? [ctx.appOrigin] : ctx.appOrigin));
  // After CORS, so the app can read the refusal; before anything reads the query.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    if (req.url.length > defaults.maxUrlLength) {
      throw new FhirError(
        414,
        'too-long',
        `The request URL is longer than ${defaults.maxUrlLength} characters`,
      );
    }
    next();
  });

  const fhir = express.Router();
  const discovery = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  };
  fhir.get('/metadata', discovery, metadata(ctx.baseUrl, ctx.issuer));
  fhir.get('/.well-known/smart-configuration', discovery, smartConfiguration(ctx.issuer));
  fhir.use(async (req: Request, res: Response, next: NextFunction) => {
    const caller = await ctx.verifyToken({
      authorization: req.headers.authorization,
      dpop: req.headers.dpop as string | undefined,
      method: req.method,
      // The URL as the client addressed it (localhost), not the socket's 127.0.0.1.
      url: `${origin}${req.originalUrl.split('?')[0] ?? ''}`,
    });
    res.locals['caller'] = caller;
    next();
  });
  fhir.get('/:type', search(ctx.store, ctx.baseUrl));
  fhir.get('/:type/:id', read(ctx.store));
  fhir.post(
    '/',
    (_req: Request, res: Response, next: NextFunction) => {
      const caller = res.locals['caller'] as Caller;
      authorizeSomeWrite(caller.grants, caller.scheme);
      next();
    },
    checkBodyCoding,
    express.json({
      type: ['application/fhir+json', 'application/json'],
      limit: defaults.bodyLimit,
    }),
    transaction(ctx.store, ctx.log),
  );
  fhir.all('/{*rest}', (req) => {
    if (req.method === 'GET') throw new NotFound('No such FHIR endpoint');
    throw new MethodNotAllowed(`${req.method} is not supported here`);
  });
  app.use(basePath, fhir);
  app.use(() => {
    throw new NotFound(`This server answers under ${basePath}`);
  });
  app.use(errorHandler(ctx.log));
  return app;
}

/** One log line and one audit record per request; the request id ties them together. */
function requestLog(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    const requestId = randomUUID();
    res.locals['requestId'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const caller = res.locals['caller'] as Caller | undefined;
      // Cut, because a refused over-long URL's path can be 16 KB; real ones are short (ids <= 64).
      const path = (req.originalUrl.split('?')[0] ?? '').slice(0, 256);
      ctx.log.info(
        `${requestId} ${req.method} ${path} ${res.statusCode} ${ms}ms ${caller?.sub ?? '-'}`,
      );
      ctx.audit.write({
        time: new Date().toISOString(),
        requestId,
        sub: caller?.sub,
        clientId: caller?.clientId,
        scope: caller?.scope,
        method: req.method,
        path: auditPath(req.originalUrl),
        status: res.statusCode,
        count: res.locals['resultCount'] as number | undefined,
        ms,
      });
    });
    next();
  };
}
