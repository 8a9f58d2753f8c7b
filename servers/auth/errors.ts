/**
 * Typed refusals of the Okta-shaped endpoints, rendered in exactly one place (`renderError`): OAuth
 * JSON (oidc-provider's own error classes, with the resource challenge of protocol/challenge.ts where
 * RFC 6750 asks for one), Okta API JSON, or an IDX ion document (sent by `sendIon`, like every IDX
 * answer). oidc-provider renders the JSON errors of its own endpoints; HTML error pages come from
 * error-pages.ts.
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { errors } from 'oidc-provider';
import { challengeHeader } from '../../protocol/challenge.ts';
import type { AuthScheme, Challenge, Refusal } from '../../protocol/refusal.ts';
import { sendIon, terminalDocument } from './idx-documents.ts';

/** A protected resource's refusal (userinfo): answered with this challenge (RFC 6750 §3). */
type Challenged = errors.OIDCProviderError & { challenge: Challenge };

/** 401 invalid_token, in Okta's words unless told otherwise. */
export function invalidToken(
  description = 'The access token is invalid.',
  scheme: AuthScheme = 'Bearer',
): Challenged {
  return Object.assign(new errors.InvalidToken(), {
    error_description: description,
    challenge: { scheme, error: 'invalid_token', description } satisfies Challenge,
  });
}

/**
 * 401 invalid_client (RFC 6749 §5.2): oidc-provider's InvalidClientAuth, whose own description is
 * fixed, with Okta's words for what failed.
 */
export function invalidClient(
  description = 'client authentication failed',
): errors.OIDCProviderError {
  return Object.assign(new errors.InvalidClientAuth(), { error_description: description });
}

/** Userinfo's words for the refusals of protocol/authorization.ts and protocol/dpop.ts. */
const RESOURCE_REFUSALS: Record<Exclude<Refusal['reason'], 'no-proof'>, string> = {
  'no-token': 'An access token is required.',
  'malformed-header': 'An access token is required.',
  'bound-token-as-bearer': 'A DPoP-bound access token must be sent with the DPoP scheme.',
  'unbound-token-as-dpop': 'The access token is not DPoP-bound.',
  'bad-proof': 'DPoP proof is invalid.',
};

/** The `Refuse` factory of userinfo: every refusal an invalid token, but a missing proof. */
export function resourceRefusal(refusal: Refusal): errors.OIDCProviderError {
  if (refusal.reason === 'no-proof') return new errors.InvalidRequest('A DPoP proof is required.');
  return invalidToken(RESOURCE_REFUSALS[refusal.reason], refusal.scheme);
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

/** `realm`: the issuer, as in oidc-provider's own challenges. */
export function renderError(res: Response, err: unknown, realm: string): void {
  if (res.headersSent) return;
  res.set('Cache-Control', 'no-store');
  if (err instanceof IdxError) {
    sendIon(res, err.status, err.document);
    return;
  }
  if (err instanceof errors.OIDCProviderError) {
    const { challenge } = err as Partial<Challenged>;
    if (challenge) res.set('WWW-Authenticate', challengeHeader(realm, challenge));
    res.status(err.status).json({ error: err.error, error_description: err.error_description });
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
  return new errors.InvalidRequest(summary);
}

/** What an unexpected error may put in a log: its class and where it was thrown, never its message. */
export function describeUnexpected(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frame = err.stack?.split('\n').find((line) => line.trim().startsWith('at '));
  return `${err.name}${frame ? ` ${frame.trim()}` : ''}`;
}

/** Express error middleware that funnels everything through `renderError`. */
export function errorMiddleware(realm: string, onUnexpected: (err: unknown) => void) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const refusal = isUnreadableBody(err) ? unreadableBody(req.path) : err;
    if (
      !(refusal instanceof errors.OIDCProviderError) &&
      !(refusal instanceof OktaApiError) &&
      !(refusal instanceof IdxError)
    )
      onUnexpected(refusal);
    renderError(res, refusal, realm);
  };
}
