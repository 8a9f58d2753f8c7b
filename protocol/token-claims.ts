/**
 * The checklist of an access token's claims against what a FHIR server needs: one list, shown by the
 * app's token inspector and printed by the doctor. Each check says what is required, what was found
 * and, when it is not met, how to fix it in Okta.
 *
 * Pure and dependency-free: imported by the browser bundle and by Node alike.
 */
import { allows, parseSmartScopes, tokenScopes } from './smart-scopes.js';

export type ClaimCheckStatus = 'pass' | 'warn' | 'fail';

export interface ClaimCheck {
  status: ClaimCheckStatus;
  /** What is checked, short: "token audience (aud) is the FHIR base". */
  name: string;
  /** What was found, in a sentence. */
  finding: string;
  /** How to fix it; present unless the check passed. */
  fix?: string;
}

export interface ClaimExpectations {
  fhirBase: string;
  /** The app's client id, when known: a token of another client is worth a warning. */
  clientId?: string;
  nowSeconds: number;
  /** Clock skew a FHIR server tolerates on `exp` and `nbf`. */
  leewaySeconds: number;
}

type Claims = Readonly<Record<string, unknown>>;

const pass = (name: string, finding: string): ClaimCheck => ({ status: 'pass', name, finding });
const problem = (
  status: 'warn' | 'fail',
  name: string,
  finding: string,
  fix: string,
): ClaimCheck => ({ status, name, finding, fix });

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

function audience(claims: Claims, { fhirBase }: ClaimExpectations): ClaimCheck {
  const name = 'token audience (aud) is the FHIR base';
  const aud = claims['aud'];
  const audiences = Array.isArray(aud) ? aud : [aud];
  const base = withoutTrailingSlash(fhirBase);
  if (audiences.some((a) => typeof a === 'string' && withoutTrailingSlash(a) === base))
    return pass(name, `aud is ${fhirBase}.`);
  return problem(
    'fail',
    name,
    `aud is ${JSON.stringify(aud ?? null)}, not ${fhirBase}.`,
    `Set the authorization server's Audience to exactly "${fhirBase}".`,
  );
}

function scopeString(claims: Claims): ClaimCheck {
  const name = 'token has a space-delimited "scope" claim';
  const scope = claims['scope'];
  if (typeof scope === 'string' && scope.trim() !== '') return pass(name, `scope is "${scope}".`);
  const scp = claims['scp'];
  return problem(
    'fail',
    name,
    `There is no "scope" string claim${Array.isArray(scp) ? `, only "scp" (an array: ${JSON.stringify(scp)})` : ''}.`,
    'Add an access-token claim "scope" with value String.join(" ", access.scope), included in any scope: FHIR servers such as IRIS read only that string.',
  );
}

/** Granular scopes count: the server enforces their restriction, and some data is readable. */
function reads(claims: Claims, type: 'Patient' | 'Observation'): ClaimCheck {
  const name = `token scopes read ${type}`;
  const scopes = parseSmartScopes(tokenScopes(claims));
  if (allows(scopes, type, 'r', { granular: true }))
    return pass(name, `A granted scope reads ${type}.`);
  return type === 'Patient'
    ? problem(
        'fail',
        name,
        'No granted scope reads Patient: the patient list will be refused.',
        'Grant user/Patient.read (or user/*.read) in the access policy and request it in okta.scopes.',
      )
    : problem(
        'warn',
        name,
        'No granted scope reads Observation: the observations page will say it is outside your access.',
        'To show observations, grant user/Observation.read (or user/*.read) and request it in okta.scopes.',
      );
}

function clientId(claims: Claims, expected: ClaimExpectations): ClaimCheck {
  const name = 'token has a "client_id" claim';
  const id = claims['client_id'];
  if (typeof id !== 'string' || id === '')
    return problem(
      'fail',
      name,
      'There is no client_id claim.',
      'Add an access-token claim "client_id" with value app.clientId.',
    );
  if (expected.clientId !== undefined && id !== expected.clientId)
    return problem(
      'warn',
      name,
      `client_id is ${id}, the config says ${expected.clientId}.`,
      'Check okta.clientId, or that this token came from this app.',
    );
  return pass(name, `client_id is ${id}.`);
}

function lifetime(claims: Claims, { nowSeconds, leewaySeconds }: ClaimExpectations): ClaimCheck {
  const name = 'token is within its lifetime';
  const exp = claims['exp'];
  const nbf = claims['nbf'];
  if (typeof exp !== 'number')
    return problem(
      'fail',
      name,
      'There is no exp claim.',
      'The FHIR server refuses tokens without an expiry.',
    );
  if (exp + leewaySeconds <= nowSeconds)
    return problem(
      'fail',
      name,
      `It expired ${Math.round(nowSeconds - exp)} s ago.`,
      'Sign in again for a fresh access token.',
    );
  if (typeof nbf === 'number' && nbf > nowSeconds + leewaySeconds)
    return problem(
      'fail',
      name,
      `It is not valid for another ${Math.round(nbf - nowSeconds)} s.`,
      'Check the clocks of the machines involved.',
    );
  return pass(name, `It expires in ${Math.round(exp - nowSeconds)} s.`);
}

/** SMART: `patient/` scopes act only inside the compartment the `patient` claim names. */
function patientContext(claims: Claims): ClaimCheck {
  const name = 'patient/ scopes come with a "patient" claim';
  const patientScopes = parseSmartScopes(tokenScopes(claims)).filter(
    (s) => s.context === 'patient',
  );
  const patient = claims['patient'];
  if (patientScopes.length === 0) return pass(name, 'No patient/ scopes are granted.');
  if (typeof patient === 'string' && patient !== '')
    return pass(name, `patient/ scopes act on Patient ${patient}.`);
  return problem(
    'fail',
    name,
    'patient/ scopes are granted but there is no "patient" claim, so they allow nothing.',
    'Add an access-token claim "patient" with the user\'s FHIR Patient id (e.g. from a user profile attribute).',
  );
}

export function checkTokenClaims(claims: Claims, expected: ClaimExpectations): ClaimCheck[] {
  return [
    audience(claims, expected),
    scopeString(claims),
    reads(claims, 'Patient'),
    reads(claims, 'Observation'),
    clientId(claims, expected),
    lifetime(claims, expected),
    patientContext(claims),
  ];
}
