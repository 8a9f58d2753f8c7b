import type { Request, Response } from 'express';
import { authorize } from '../auth/scopes.ts';
import type { Caller } from '../auth/token.ts';
import { BadRequest, FhirError } from '../errors.ts';
import { bundleKind, processBundle } from '../import/process.ts';
import { sendFhir, setResultCount } from '../respond.ts';
import type { Logger } from '../../../protocol/logger.ts';
import type { FhirStore } from '../store/store.ts';

/**
 * `POST [base]` with a transaction or batch Bundle. Every entry's type needs a write scope
 * (`user/Observation.write`, `user/*.cu`, ...); `patient/` scopes never write here.
 */
export function transaction(store: FhirStore, log: Logger) {
  return (req: Request, res: Response): void => {
    if (!req.is(['application/fhir+json', 'application/json'])) {
      throw new FhirError(415, 'not-supported', 'Send the Bundle as application/fhir+json');
    }
    if (req.body === undefined) throw new BadRequest('The request has no body');
    bundleKind(req.body);
    const caller = res.locals['caller'] as Caller;
    const entries = (req.body as { entry: { resource?: { resourceType?: unknown } }[] }).entry;
    const types = new Set(entries.map((e) => String(e?.resource?.resourceType ?? '')));
    for (const type of types) {
      if (type) authorize(caller.grants, type, 'write', undefined, caller.scheme);
    }
    const result = processBundle(store, req.body);
    for (const f of result.failed.filter((x) => x.status >= 500)) {
      // As the error handler logs a 500: the error's class and message, never the entry.
      const cause = f.cause instanceof Error ? `${f.cause.name}: ${f.cause.message}` : 'unknown';
      log.error(`${String(res.locals['requestId'])} POST batch entry ${f.index}: ${cause}`);
    }
    setResultCount(
      res,
      Object.values(result.written).reduce((a, b) => a + b, 0),
    );
    sendFhir(res, 200, result.response);
  };
}
