import type { AuthScheme, Challenge, Refusal } from '../../protocol/refusal.ts';

/**
 * Every refusal is one of these. Handlers throw; `error-handler.ts` is the only place that renders them
 * (as an OperationOutcome, with `WWW-Authenticate` where OAuth says so). Diagnostics never carry a
 * token or a search value: a refused `name=` must not echo a patient's name back into logs or screens.
 */
export type IssueType =
  | 'invalid'
  | 'value'
  | 'not-supported'
  | 'login'
  | 'forbidden'
  | 'not-found'
  | 'too-costly'
  | 'too-long'
  | 'processing'
  | 'exception'
  | 'conflict';

export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issueType: IssueType,
    message: string,
    readonly challenge?: Challenge,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401: no credentials at all (RFC 6750 §3: then the challenge carries no error code). */
export class MissingToken extends FhirError {
  constructor() {
    super(401, 'login', 'This server requires an access token (Authorization: Bearer ...)', {
      scheme: 'Bearer',
    });
  }
}

/** 401: credentials present but not acceptable. */
export class InvalidToken extends FhirError {
  constructor(description: string, scheme: AuthScheme = 'Bearer') {
    super(401, 'login', `Invalid access token: ${description}`, {
      scheme,
      error: 'invalid_token',
      description,
    });
  }
}

/** 401: the DPoP proof is missing, stale, replayed or does not match the request or token. */
export class InvalidDpopProof extends FhirError {
  constructor(description: string) {
    super(401, 'login', `Invalid DPoP proof: ${description}`, {
      scheme: 'DPoP',
      error: 'invalid_dpop_proof',
      description,
    });
  }
}

/** The protocol modules' refusals (protocol/authorization.ts, protocol/dpop.ts) as this server's. */
export function refusalError(refusal: Refusal): FhirError {
  if (refusal.reason === 'no-token') return new MissingToken();
  if (refusal.error === 'invalid_dpop_proof') return new InvalidDpopProof(refusal.description);
  return new InvalidToken(refusal.description, refusal.scheme);
}

/** 403: the token is fine but its scopes do not cover the interaction. */
export class InsufficientScope extends FhirError {
  constructor(needed: string, scheme: AuthScheme = 'Bearer') {
    super(403, 'forbidden', `The access token's scopes do not allow this (needs ${needed})`, {
      scheme,
      error: 'insufficient_scope',
      description: `requires ${needed}`,
      scope: needed,
    });
  }
}

export class BadRequest extends FhirError {
  constructor(message: string, issueType: IssueType = 'invalid') {
    super(400, issueType, message);
  }
}

export class NotFound extends FhirError {
  constructor(message: string) {
    super(404, 'not-found', message);
  }
}

export class MethodNotAllowed extends FhirError {
  constructor(message: string) {
    super(405, 'not-supported', message);
  }
}

export class Unprocessable extends FhirError {
  constructor(message: string) {
    super(422, 'processing', message);
  }
}
