import type { Request, Response } from 'express';
import { DPOP_ALGORITHMS } from '../../../protocol/dpop.ts';
import { LAUNCH_SCOPES, OIDC_SCOPES, SMART_SCOPES } from '../../auth/defaults.ts';
import { sendJson } from '../respond.ts';

/**
 * What the local authorization server backs, each tested end to end (servers/auth/smart-launch.test.ts,
 * servers/fhir/http.test.ts): EHR launch with `launch` and the patient and encounter it names,
 * standalone launch with `launch/patient` and its picker, `need_patient_banner` and `smart_style_url`,
 * refresh tokens with `offline_access`, `patient/` and `user/` scopes in v1 and v2 forms, public
 * clients with PKCE, and OpenID Connect with `fhirUser`. Nothing that is not backed: no
 * `launch/encounter` (standalone encounter picking), no `context-*-passthrough`, no confidential
 * clients, no `authorize-post`.
 */
export const SMART_CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-banner',
  'context-style',
  'context-ehr-patient',
  'context-ehr-encounter',
  'context-standalone-patient',
  'permission-offline',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-v2',
  'sso-openid-connect',
] as const;

/** `GET /.well-known/smart-configuration` (SMART App Launch 2.x): where to get tokens for us. */
export function smartConfiguration(issuer: string) {
  const body = {
    issuer,
    jwks_uri: `${issuer}/v1/keys`,
    authorization_endpoint: `${issuer}/v1/authorize`,
    token_endpoint: `${issuer}/v1/token`,
    revocation_endpoint: `${issuer}/v1/revoke`,
    introspection_endpoint: `${issuer}/v1/introspect`,
    userinfo_endpoint: `${issuer}/v1/userinfo`,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    dpop_signing_alg_values_supported: [...DPOP_ALGORITHMS],
    // Exactly the local issuer's scope list: it refuses anything else as invalid_scope.
    scopes_supported: [...OIDC_SCOPES, ...LAUNCH_SCOPES, ...SMART_SCOPES],
    response_types_supported: ['code'],
    capabilities: [...SMART_CAPABILITIES],
  };
  return (_req: Request, res: Response): void => {
    sendJson(res, 200, body);
  };
}
