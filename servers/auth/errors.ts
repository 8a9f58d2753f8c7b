/**
 * Typed refusals of the Okta-shaped endpoints, rendered in exactly one place (`renderError`): OAuth
 * JSON, Okta API JSON, or an IDX ion document (sent by `sendIon`, like every IDX answer). oidc-provider
 * renders the JSON errors of its own endpoints; HTML error pages come from error-pages.ts.
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { sendIon, terminalDocument } from './idx-documents.ts';

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

/** A scope the authorization server does not list (Okta refuses it; oidc-provider would drop it). */
export class InvalidScope extends OAuthError {
  constructor(description: string) {
    super(400, 'invalid_scope', description);
  }
}

/** RFC 6750: the resource answers 401 with a `WWW-Authenticate` challenge. */
export class InvalidToken extends OAuthError {
  constructor(
    description = 'The access token is invalid.',
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
    sendIon(res, err.status, err.document);
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

/**
 * body-parser's refusals (malformed JSON, too large, unsupported charset) carry a 4xx `status` and a
 * `type`; their message quotes the body, which can hold a password, so it is never shown or logged.
 */
function isUnreadableBody(err: unknown): boolean {
  const e = err as { status?: unknown; type?: unknown } | undefined;
  return typeof e?.type === 'string' && typeof e.status === 'number' && e.status < 500;
}

/** A body that cannot be read, refused in the error format of the endpoint it was sent to. */
function unreadableBody(path: string): Error {
  const summary = 'The request body was not well-formed.';
  if (path.startsWith('/api/v1/')) return new OktaApiError(400, 'E0000003', summary);
  if (path.startsWith('/idp/idx/'))
    return new IdxError(400, terminalDocument({ message: summary, key: 'E0000003' }));
  return new InvalidRequest(summary);
}

/** What an unexpected error may put in a log: its class and where it was thrown, never its message. */
export function describeUnexpected(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frame = err.stack?.split('\n').find((line) => line.trim().startsWith('at '));
  return `${err.name}${frame ? ` ${frame.trim()}` : ''}`;
}

/** Express error middleware that funnels everything through `renderError`. */
export function errorMiddleware(onUnexpected: (err: unknown) => void) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const refusal = isUnreadableBody(err) ? unreadableBody(req.path) : err;
    if (
      !(refusal instanceof OAuthError) &&
      !(refusal instanceof OktaApiError) &&
      !(refusal instanceof IdxError)
    )
      onUnexpected(refusal);
    renderError(res, refusal);
  };
}
