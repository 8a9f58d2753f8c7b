// Checks of one access token: its claims as the FHIR server will read them, its signature, and a real FHIR call.
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Deployment } from './deployment.ts';
import { describeNetworkError, request } from './http.ts';
import { fail, pass, warn, type CheckResult } from './report.ts';
import type { Discovery } from './server-checks.ts';

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
  const results = [
    checkAudience(claims, deployment),
    checkScopeClaim(claims),
    checkClientId(claims, deployment),
    checkExpiry(claims),
    await checkSignature(token, deployment, discovery),
  ];
  results.push(claims['cnf'] ? dpopNote() : await checkFhirCall(token, deployment));
  return results;
}

function checkAudience(claims: JWTPayload, deployment: Deployment): CheckResult {
  const name = 'token audience (aud) is the FHIR base';
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (audiences.includes(deployment.fhirBase)) return pass(name, deployment.fhirBase);
  return fail(
    name,
    `aud is ${JSON.stringify(claims.aud)}, the FHIR base is ${deployment.fhirBase}`,
    `Set the authorization server's Audience to exactly "${deployment.fhirBase}".`,
  );
}

function checkScopeClaim(claims: JWTPayload): CheckResult {
  const name = 'token has a space-delimited "scope" claim';
  if (typeof claims['scope'] === 'string' && claims['scope'] !== '')
    return pass(name, claims['scope']);
  const detail = Array.isArray(claims['scp'])
    ? `only "scp" (an array: ${JSON.stringify(claims['scp'])})`
    : 'no scope claim';
  return fail(
    name,
    detail,
    'Add an access-token claim "scope" with value String.join(" ", access.scope), included in any scope: FHIR servers such as IRIS read only that string.',
  );
}

function checkClientId(claims: JWTPayload, deployment: Deployment): CheckResult {
  const name = 'token has a "client_id" claim';
  const clientId = claims['client_id'];
  if (clientId === deployment.clientId) return pass(name, String(clientId));
  if (typeof clientId === 'string') {
    return warn(
      name,
      `client_id is ${clientId}, the config says ${deployment.clientId}`,
      'Check okta.clientId, or that this token came from this app.',
    );
  }
  return fail(name, 'missing', 'Add an access-token claim "client_id" with value app.clientId.');
}

function checkExpiry(claims: JWTPayload): CheckResult {
  const name = 'token is within its lifetime';
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number')
    return fail(name, 'no exp claim', 'The FHIR server refuses tokens without an expiry.');
  if (claims.exp <= now)
    return fail(
      name,
      `expired ${now - claims.exp} s ago`,
      'Sign in again and copy a fresh access token.',
    );
  if (typeof claims.nbf === 'number' && claims.nbf > now + 60) {
    return fail(
      name,
      `not valid for another ${claims.nbf - now} s`,
      'Check the clocks of the machines involved.',
    );
  }
  return pass(name, `expires in ${claims.exp - now} s`);
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
      clockTolerance: 60,
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
