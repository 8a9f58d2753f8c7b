import type { Request, Response } from 'express';
import { authorize } from '../auth/scopes.ts';
import type { Caller } from '../auth/token.ts';
import { notModified, type Validators } from '../conditional.ts';
import { isReadableType } from '../config.ts';
import { NotFound } from '../errors.ts';
import { sendFhir, sendNotModified, setResultCount } from '../respond.ts';
import type { FhirStore } from '../store/store.ts';

/**
 * `GET [type]/[id]`. A resource outside a `patient/` token's compartment answers 404, exactly like a
 * resource that does not exist, so a patient app cannot probe which ids exist (documented choice).
 */
export function read(store: FhirStore) {
  return (req: Request, res: Response): void => {
    const type = String(req.params['type']);
    const id = String(req.params['id']);
    if (!isReadableType(type)) throw new NotFound(`Resource type '${type}' is not supported`);
    const caller = res.locals['caller'] as Caller;
    const decision = authorize(caller.grants, type, 'read', caller.patient, caller.scheme);
    const found = store.read(type, id);
    if (
      !found ||
      (decision.compartment !== undefined && !store.inCompartment(found, decision.compartment))
    ) {
      throw new NotFound(`${type}/${id} is not known`);
    }
    const validators: Validators = {
      etag: `W/"${found.version}"`,
      lastModified: new Date(found.lastUpdated).toUTCString(),
    };
    res.setHeader('ETag', validators.etag);
    res.setHeader('Last-Modified', validators.lastModified);
    setResultCount(res, 1);
    if (notModified(req.headers, validators)) {
      sendNotModified(res);
      return;
    }
    sendFhir(res, 200, found.json);
  };
}
