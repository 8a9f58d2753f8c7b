// Checks of one access token: its claims as the FHIR server will read them, its signature, and a real FHIR call.
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { checkTokenClaims } from '../../protocol/token-claims.ts';
import type { Deployment } from './deployment.ts';
import { describeNetworkError, request } from './http.ts';
import { fail, pass, warn, type CheckResult } from './report.ts';
import type { Discovery } from './server-checks.ts';

/** The clock skew FHIR servers commonly tolerate (ours: 60 s), also used for the signature check. */
const SERVER_LEEWAY_SECONDS = 60;

export async function checkToken(
  token: string,
  deployment: Deployment,
  discovery?: Discovery,
): Promise<CheckResult[]> {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    return [
      fail(
        'access token',
        'is not a JWT',
        'Pass the access token (three base64url parts separated by dots), not the ID token or a refresh token.',
      ),
    ];
  }
  const results: CheckResult[] = checkTokenClaims(claims, {
    fhirBase: deployment.fhirBase,
    clientId: deployment.clientId,
    nowSeconds: Math.floor(Date.now() / 1000),
    leewaySeconds: SERVER_LEEWAY_SECONDS,
  }).map(({ status, name, finding, fix }) => ({ status, name, detail: finding, fix }));
  results.push(await checkSignature(token, deployment, discovery));
  results.push(claims['cnf'] ? dpopNote() : await checkFhirCall(token, deployment));
  return results;
}

async function checkSignature(
  token: string,
  deployment: Deployment,
  discovery?: Discovery,
): Promise<CheckResult> {
  const name = 'token signature and issuer';
  if (!discovery)
    return fail(
      name,
      "not checked: the issuer's discovery document could not be read",
      'Fix the issuer checks above first.',
    );
  try {
    await jwtVerify(token, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: deployment.issuer,
      algorithms: ['RS256', 'ES256'],
      clockTolerance: SERVER_LEEWAY_SECONDS,
    });
    return pass(name, `signed by ${deployment.issuer}`);
  } catch (error) {
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') {
      return fail(
        name,
        'the token was issued by another authorization server',
        `Use a token from ${deployment.issuer}.`,
      );
    }
    if (error instanceof errors.JWTExpired)
      return pass(name, 'signature valid (the token has expired, see above)');
    return fail(
      name,
      error instanceof Error ? error.message : String(error),
      "The token was not signed by a key in the issuer's JWKS: was it copied whole, from this issuer?",
    );
  }
}

function dpopNote(): CheckResult {
  return warn(
    'FHIR call with the token',
    'not tried: the token is DPoP-bound (cnf), and only the browser holds its key',
    'Nothing to fix; to test a call, sign in with DPoP off.',
  );
}

async function checkFhirCall(token: string, deployment: Deployment): Promise<CheckResult> {
  const name = 'FHIR call with the token (Patient?_count=1)';
  const url = `${deployment.fhirBase}/Patient?_count=1`;
  try {
    const answer = await request(url, {
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/fhir+json',
        ...(deployment.apiKey ? { 'x-api-key': deployment.apiKey } : {}),
      },
    });
    if (answer.status === 200) return pass(name, 'the FHIR server accepted the token');
    const reason = answer.headers.get('www-authenticate') ?? answer.body.slice(0, 200);
    if (answer.status === 401) {
      return fail(
        name,
        `401: ${reason}`,
        'The FHIR server rejected the token itself: compare its issuer and audience settings with the checks above.',
      );
    }
    if (answer.status === 403) {
      return fail(
        name,
        `403: ${reason}`,
        'The token is valid but its scopes do not allow reading Patient: grant user/Patient.read (or user/*.read) in the access policy and request it in okta.scopes.',
      );
    }
    return fail(name, `answered ${answer.status}`, "Check the FHIR server's logs.");
  } catch (error) {
    return fail(name, describeNetworkError(error), 'Check that the FHIR server is reachable.');
  }
}
