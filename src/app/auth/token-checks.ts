import { JsonObject } from './jwt-decode';

export interface TokenCheck {
  readonly ok: boolean;
  /** What a FHIR server like IRIS needs, in plain words. */
  readonly requirement: string;
  readonly finding: string;
}

/** SMART v1 (user/Patient.read) and v2 (user/Patient.rs) scopes that allow reading a type. */
export function scopeAllowsRead(scopes: readonly string[], resourceType: string): boolean {
  return scopes.some((scope) => {
    const match = /^(user|patient|system)\/([A-Za-z*]+)\.([a-z*]+)$/.exec(scope);
    if (!match) return false;
    const [, , type, access] = match;
    const typeOk = type === '*' || type === resourceType;
    const accessOk =
      access === 'read' || access === '*' || (access !== 'write' && access.includes('r'));
    return typeOk && accessOk;
  });
}

/** The granted scopes: Okta's space-delimited `scope` claim, else its `scp` array. */
export function grantedScopes(claims: JsonObject): string[] {
  const scope = claims['scope'];
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean);
  const scp = claims['scp'];
  return Array.isArray(scp) ? scp.filter((s): s is string => typeof s === 'string') : [];
}

/** Checks an access token's claims against what the FHIR server at `fhirBase` requires. */
export function checkAccessToken(claims: JsonObject, fhirBase: string): TokenCheck[] {
  const aud = claims['aud'];
  const audiences = Array.isArray(aud) ? aud : [aud];
  const audOk = audiences.some(
    (a) => typeof a === 'string' && a.replace(/\/+$/, '') === fhirBase.replace(/\/+$/, ''),
  );
  const scope = claims['scope'];
  const scopes = typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : [];
  const readsPatients = scopeAllowsRead(scopes, 'Patient');
  const readsObservations = scopeAllowsRead(scopes, 'Observation');
  const clientId = claims['client_id'];
  return [
    {
      ok: audOk,
      requirement: 'The audience (aud) must equal the configured FHIR base URL.',
      finding: audOk
        ? `aud is ${fhirBase}.`
        : `aud is ${JSON.stringify(aud ?? null)}, not ${fhirBase}. Set the authorization server's audience to the FHIR base.`,
    },
    {
      ok: typeof scope === 'string' && readsPatients,
      requirement:
        'A "scope" claim must hold the granted scopes as one space-separated string, including one that reads Patient.',
      finding:
        typeof scope !== 'string'
          ? 'There is no "scope" string claim. Add a custom claim named scope to the access token.'
          : readsPatients
            ? 'The scope claim allows reading patients.'
            : 'The scope claim has no scope that reads Patient (e.g. user/*.read).',
    },
    {
      ok: readsObservations,
      requirement: 'Reading observations needs a scope that covers Observation.',
      finding: readsObservations
        ? 'The scope claim allows reading observations.'
        : 'No granted scope reads Observation: the observations page will say it is outside your access.',
    },
    {
      ok: typeof clientId === 'string' && clientId !== '',
      requirement: 'A "client_id" claim must name the app.',
      finding:
        typeof clientId === 'string' && clientId !== ''
          ? `client_id is ${clientId}.`
          : 'There is no client_id claim. Add a custom claim named client_id to the access token.',
    },
  ];
}

/** "expires in 4 min 10 s", "expired 2 min ago". */
export function describeExpiry(exp: unknown, nowSeconds: number): string {
  if (typeof exp !== 'number') return 'no expiry (exp) claim';
  const left = Math.round(exp - nowSeconds);
  const span = (seconds: number) => {
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
  };
  return left >= 0 ? `expires in ${span(left)}` : `expired ${span(-left)} ago`;
}
