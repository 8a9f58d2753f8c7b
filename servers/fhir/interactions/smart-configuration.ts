import type { Request, Response } from 'express';
import { DPOP_ALGORITHMS } from '../../../protocol/dpop.ts';

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
    scopes_supported: [
      'openid',
      'profile',
      'email',
      'offline_access',
      'user/*.read',
      'user/Patient.read',
      'patient/*.read',
      'user/*.rs',
      'patient/*.rs',
    ],
    response_types_supported: ['code'],
    // Only what the issuer backs (tested against its scope list). Not context-standalone-patient:
    // a patient-bound user's token names their patient, but the issuer has no launch/patient scope
    // (it refuses it as unknown) and no patient picker.
    capabilities: [
      'launch-standalone',
      'client-public',
      'permission-patient',
      'permission-user',
      'permission-v1',
      'permission-v2',
      'sso-openid-connect',
    ],
  };
  return (_req: Request, res: Response): void => {
    res.status(200).json(body);
  };
}
