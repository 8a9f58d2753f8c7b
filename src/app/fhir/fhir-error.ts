import { HttpErrorResponse } from '@angular/common/http';
import { OperationOutcome, OperationOutcomeIssue } from './fhir-types';

export type FhirErrorKind =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'server'
  | 'unsafe-link'
  /** The server does not offer what was asked (its CapabilityStatement): retrying cannot help. */
  | 'unsupported';

/** A failed FHIR call, reduced to what the UI shows: what happened and what the user can do. */
export class FhirError extends Error {
  constructor(
    readonly kind: FhirErrorKind,
    /** The server's own words (OperationOutcome), or our summary when it gave none. */
    readonly detail: string,
    /** What the user can do about it. */
    readonly advice: string,
    readonly status = 0,
  ) {
    super(detail);
    this.name = 'FhirError';
  }
}

function isOperationOutcome(body: unknown): body is OperationOutcome {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { resourceType?: unknown }).resourceType === 'OperationOutcome'
  );
}

/** The readable text of one issue: details.text, else diagnostics, else the coding, else the code. */
export function issueText(issue: OperationOutcomeIssue): string {
  const text =
    issue.details?.text ??
    issue.diagnostics ??
    issue.details?.coding?.find((c) => c.display)?.display ??
    issue.code;
  return typeof text === 'string' ? text.trim() : '';
}

/** The readable text of an OperationOutcome: each issue's text, joined. */
export function operationOutcomeText(outcome: OperationOutcome): string {
  return (outcome.issue ?? [])
    .map(issueText)
    .filter((text) => text !== '')
    .join('; ');
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Maps an HttpClient failure to a FhirError carrying the server's OperationOutcome text. */
export function toFhirError(error: unknown): FhirError {
  if (error instanceof FhirError) return error;
  if (!(error instanceof HttpErrorResponse)) {
    return new FhirError('server', 'Unexpected error while reading FHIR data.', 'Try again.');
  }
  const body = parseBody(error.error);
  const outcomeText = isOperationOutcome(body) ? operationOutcomeText(body) : '';
  const status = error.status;
  if (status === 0) {
    return new FhirError(
      'network',
      'The FHIR server could not be reached.',
      'Check your connection or whether the FHIR server is running, then retry.',
    );
  }
  if (status === 401) {
    return new FhirError(
      'unauthorized',
      outcomeText || 'The FHIR server did not accept your sign-in.',
      'Your session may have ended. Sign in again.',
      status,
    );
  }
  if (status === 403) {
    return new FhirError(
      'forbidden',
      outcomeText || 'You are not permitted to see this data.',
      'Not permitted: your account does not have access to this data. Ask an administrator if you need it.',
      status,
    );
  }
  if (status === 404) {
    return new FhirError(
      'not-found',
      outcomeText || 'Not found.',
      'Go back and try another.',
      status,
    );
  }
  if (status === 429) {
    return new FhirError(
      'server',
      outcomeText || 'The FHIR server is receiving too many requests (HTTP 429).',
      'Wait a moment, then retry.',
      status,
    );
  }
  if (status >= 400 && status < 500) {
    return new FhirError(
      'bad-request',
      outcomeText || `The FHIR server refused the request (HTTP ${status}).`,
      'Change the search and try again.',
      status,
    );
  }
  return new FhirError(
    'server',
    outcomeText || `The FHIR server failed (HTTP ${status}).`,
    'Try again in a moment.',
    status,
  );
}
