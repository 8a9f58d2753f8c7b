import type { NextFunction, Request, Response } from 'express';
import { challengeHeader } from '../../protocol/challenge.ts';
import type { Logger } from '../../protocol/logger.ts';
import { defaults } from './config.ts';
import { FhirError } from './errors.ts';
import { operationOutcome } from './outcome.ts';
import { sendFhir } from './respond.ts';

/** The one place a refusal becomes a response: an OperationOutcome plus, for 401/403, a challenge. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const e = asFhirError(err);
    if (e.status >= 500) {
      // The cause's message (e.g. SQLite's) names tables and constraints, never bound values.
      const cause = e.cause instanceof Error ? ` (${e.cause.name}: ${e.cause.message})` : '';
      log.error(
        `${String(res.locals['requestId'])} ${req.method} ${req.path} ${e.message}${cause}`,
      );
    }
    if (e.challenge) res.setHeader('WWW-Authenticate', challengeHeader('fhir', e.challenge));
    sendFhir(
      res,
      e.status,
      operationOutcome(e.status >= 500 ? 'fatal' : 'error', e.issueType, e.message),
    );
  };
}

/** The Content-Encodings a request body may come in: body-parser undoes these (and, on newer Node, zstd). */
const BODY_CODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);

const unsupportedBodyCoding = () =>
  new FhirError(
    415,
    'not-supported',
    "The request body's Content-Encoding is not supported: send it as is, or as gzip, deflate or br",
  );

/** Refuses a body in any other coding before it is read, whatever the Node version's zlib can undo. */
export function checkBodyCoding(req: Request, _res: Response, next: NextFunction): void {
  const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!BODY_CODINGS.has(coding)) throw unsupportedBodyCoding();
  next();
}

/** Express and body-parser errors carry `status`/`type`; map them, and hide anything unexpected. */
function asFhirError(err: unknown): FhirError {
  if (err instanceof FhirError) return err;
  const e = err as { status?: number; type?: string } | undefined;
  if (e?.type === 'entity.parse.failed')
    return new FhirError(400, 'invalid', 'The request body is not valid JSON');
  if (e?.type === 'encoding.unsupported') return unsupportedBodyCoding();
  if (e?.type === 'entity.too.large') {
    return new FhirError(413, 'too-costly', `The request body exceeds ${defaults.bodyLimit}`);
  }
  if (e?.status && e.status >= 400 && e.status < 500) {
    return new FhirError(e.status, 'invalid', 'The request could not be read');
  }
  const wrapped = new FhirError(500, 'exception', 'Internal server error');
  wrapped.cause = err;
  return wrapped;
}
