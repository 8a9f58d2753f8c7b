import { HttpErrorResponse } from '@angular/common/http';
import { FhirError, operationOutcomeText, toFhirError } from './fhir-error';

const outcome = (text: string) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'invalid', diagnostics: text }],
});

describe('FHIR errors', () => {
  it('carries the OperationOutcome text of a failed search', () => {
    const error = toFhirError(
      new HttpErrorResponse({ status: 400, error: outcome('Unknown search parameter "foo"') }),
    );
    expect(error.kind).toBe('bad-request');
    expect(error.detail).toBe('Unknown search parameter "foo"');
  });

  it('reads details.text before diagnostics, and joins several issues', () => {
    expect(
      operationOutcomeText({
        resourceType: 'OperationOutcome',
        issue: [
          { details: { text: 'First' }, diagnostics: 'ignored' },
          { diagnostics: 'Second' },
          { details: { coding: [{ display: 'Third' }] } },
        ],
      }),
    ).toBe('First; Second; Third');
  });

  it('parses an OperationOutcome sent as text', () => {
    const error = toFhirError(
      new HttpErrorResponse({ status: 500, error: JSON.stringify(outcome('Database is locked')) }),
    );
    expect(error.kind).toBe('server');
    expect(error.detail).toBe('Database is locked');
  });

  it('explains that the server is unreachable when the network is down', () => {
    const error = toFhirError(
      new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }),
    );
    expect(error.kind).toBe('network');
    expect(error.detail).toBe('The FHIR server could not be reached.');
    expect(error.advice).toContain('retry');
  });

  it('advises signing in again on 401', () => {
    const error = toFhirError(
      new HttpErrorResponse({ status: 401, error: outcome('Token expired') }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.detail).toBe('Token expired');
    expect(error.advice).toContain('Sign in again');
  });

  it('says "not permitted" in words on 403', () => {
    const error = toFhirError(new HttpErrorResponse({ status: 403, error: null }));
    expect(error.kind).toBe('forbidden');
    expect(error.advice).toContain('Not permitted');
  });

  it('on 429 says the server is busy and to wait, never to change the search', () => {
    const error = toFhirError(new HttpErrorResponse({ status: 429, error: null }));
    expect(error.kind).toBe('server');
    expect(error.detail).toBe('The FHIR server is receiving too many requests (HTTP 429).');
    expect(error.advice).toBe('Wait a moment, then retry.');
  });

  it('uses a summary when the server sends no OperationOutcome', () => {
    expect(toFhirError(new HttpErrorResponse({ status: 502, error: '<html>' })).detail).toBe(
      'The FHIR server failed (HTTP 502).',
    );
    expect(toFhirError(new Error('x'))).toEqual(jasmine.any(FhirError));
  });
});
