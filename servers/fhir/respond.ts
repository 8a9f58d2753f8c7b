import type { Response } from 'express';
import { FHIR_JSON } from './config.ts';

/** Sends a FHIR JSON body; strings are sent as they are (search bundles are assembled as text). */
export function sendFhir(res: Response, status: number, body: string | object): void {
  res.status(status);
  res.setHeader('Content-Type', `${FHIR_JSON}; charset=utf-8`);
  res.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** What the audit log should count as this request's result size. */
export function setResultCount(res: Response, count: number): void {
  res.locals['resultCount'] = count;
}
