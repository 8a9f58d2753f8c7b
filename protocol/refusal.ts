/**
 * How a protected resource refuses a request, in OAuth's terms (RFC 6750 §3, RFC 9449 §7.1). The
 * protocol modules (authorization.ts, dpop.ts) say why they refuse; each server turns that into its
 * own error with a `Refuse` factory (an OperationOutcome at the FHIR server, Okta-shaped OAuth JSON
 * at the authorization server), and both send the challenge that challenge.ts builds.
 *
 * Pure and dependency-free: types only.
 */

export type AuthScheme = 'Bearer' | 'DPoP';

/** A `WWW-Authenticate` challenge, less the realm, which is the server's. */
export interface Challenge {
  scheme: AuthScheme;
  /** Absent when the request carried no credentials at all (RFC 6750 §3.1). */
  error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope' | 'invalid_dpop_proof';
  description?: string;
  /** insufficient_scope: the scope the request needs. */
  scope?: string;
}

export type RefusalReason =
  /** No `Authorization` header. */
  | 'no-token'
  /** An `Authorization` header that is not `Bearer <token>` or `DPoP <token>`. */
  | 'malformed-header'
  /** A DPoP-bound token presented with the Bearer scheme (RFC 9449 §7.2). */
  | 'bound-token-as-bearer'
  /** The DPoP scheme with a token that is not DPoP-bound. */
  | 'unbound-token-as-dpop'
  /** A DPoP-bound token without a proof. */
  | 'no-proof'
  /** A proof that is not one fresh, unused proof for this request, token and key. */
  | 'bad-proof';

/** Why a request is refused, with the challenge the protocol would send and a safe description. */
export interface Refusal extends Challenge {
  reason: RefusalReason;
  description: string;
}

/** A server's error for a refusal: what the protocol modules throw. */
export type Refuse = (refusal: Refusal) => Error;
