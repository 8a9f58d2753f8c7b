/**
 * Typed refusals of the Okta-shaped endpoints, rendered in exactly one place (`renderError`).
 * oidc-provider renders the errors of its own endpoints.
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** An OAuth 2.0 error body: `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export class InvalidRequest extends OAuthError {
  constructor(description: string) {
    super(400, 'invalid_request', description);
  }
}

export class InvalidClient extends OAuthError {
  constructor(description = 'client authentication failed') {
    super(401, 'invalid_client', description);
  }
}

/** RFC 6750: the resource answers 401 with a `WWW-Authenticate` challenge. */
export class InvalidToken extends OAuthError {
  constructor(
    description: string,
    readonly scheme: 'Bearer' | 'DPoP' = 'Bearer',
  ) {
    super(401, 'invalid_token', description);
  }
}

/** Okta management-API style error (`/api/v1/authn`): `{ errorCode, errorSummary, ... }`. */
export class OktaApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
  ) {
    super(errorSummary);
  }
}

/** Okta's answer to bad credentials; it never says which of the two was wrong. */
export class AuthenticationFailed extends OktaApiError {
  constructor() {
    super(401, 'E0000004', 'Authentication failed');
  }
}

export class TooManyAttempts extends OktaApiError {
  constructor() {
    super(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');
  }
}

/** An Identity Engine refusal: an ion document (the widget renders its `messages`). */
export class IdxError extends Error {
  constructor(
    readonly status: number,
    readonly document: object,
  ) {
    super('idx error');
  }
}

export function renderError(res: Response, err: unknown): void {
  if (res.headersSent) return;
  res.set('Cache-Control', 'no-store');
  if (err instanceof IdxError) {
    res
      .status(err.status)
      .type('application/ion+json; okta-version=1.0.0')
      .send(Buffer.from(JSON.stringify(err.document)));
    return;
  }
  if (err instanceof InvalidToken) {
    res.set(
      'WWW-Authenticate',
      `${err.scheme} error="invalid_token", error_description="${err.description}"`,
    );
  }
  if (err instanceof OAuthError) {
    res.status(err.status).json({ error: err.error, error_description: err.description });
    return;
  }
  if (err instanceof OktaApiError) {
    const errorId = `oae${randomBytes(11).toString('base64url')}`;
    res.status(err.status).json({
      errorCode: err.errorCode,
      errorSummary: err.errorSummary,
      errorLink: err.errorCode,
      errorId,
      errorCauses: [],
    });
    return;
  }
  res.status(500).json({ error: 'server_error', error_description: 'unexpected error' });
}

/** Express error middleware that funnels everything through `renderError`. */
export function errorMiddleware(onUnexpected: (err: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (
      !(err instanceof OAuthError) &&
      !(err instanceof OktaApiError) &&
      !(err instanceof IdxError)
    )
      onUnexpected(err);
    renderError(res, err);
  };
}
