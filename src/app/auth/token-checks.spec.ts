import { decodeJwt } from './jwt-decode';
import { checkAccessToken, describeExpiry, grantedScopes, scopeAllowsRead } from './token-checks';

function base64url(value: object): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('decodeJwt', () => {
  it('decodes header and claims locally, including non-ASCII names', () => {
    const token = `${base64url({ alg: 'RS256', kid: 'k1' })}.${btoa(
      String.fromCharCode(...new TextEncoder().encode(JSON.stringify({ name: 'Zoë' }))),
    )}.sig`;
    expect(decodeJwt(token)).toEqual({
      header: { alg: 'RS256', kid: 'k1' },
      claims: { name: 'Zoë' },
    });
  });

  it('returns undefined for an opaque or broken token', () => {
    expect(decodeJwt('opaque-token')).toBeUndefined();
    expect(decodeJwt('a.b.c')).toBeUndefined();
  });
});

describe('token checks', () => {
  const base = 'http://localhost:4400/fhir';
  const good = {
    aud: base,
    scope: 'openid profile user/*.read',
    scp: ['openid', 'profile', 'user/*.read'],
    client_id: '0oalocalfhirokta0spa',
  };

  it('passes a token shaped as the FHIR server needs', () => {
    expect(checkAccessToken(good, base).every((c) => c.ok)).toBeTrue();
  });

  it('explains a wrong audience, a missing scope string and a missing client_id', () => {
    const checks = checkAccessToken({ aud: 'api://default', scp: ['openid'] }, base);
    expect(checks.map((c) => c.ok)).toEqual([false, false, false, false]);
    expect(checks[0].finding).toContain('not http://localhost:4400/fhir');
    expect(checks[1].finding).toContain('no "scope" string claim');
    expect(checks[3].finding).toContain('no client_id claim');
  });

  it('says observations are out of reach with Patient-only scopes', () => {
    const checks = checkAccessToken({ ...good, scope: 'openid user/Patient.read' }, base);
    expect(checks[1].ok).toBeTrue();
    expect(checks[2].ok).toBeFalse();
  });

  it('understands SMART v1 and v2 read scopes', () => {
    expect(scopeAllowsRead(['user/Patient.rs'], 'Patient')).toBeTrue();
    expect(scopeAllowsRead(['patient/*.read'], 'Observation')).toBeTrue();
    expect(scopeAllowsRead(['user/Patient.write'], 'Patient')).toBeFalse();
    expect(scopeAllowsRead(['user/Observation.read'], 'Patient')).toBeFalse();
  });

  it('lists granted scopes from scope, else scp', () => {
    expect(grantedScopes({ scope: 'a b' })).toEqual(['a', 'b']);
    expect(grantedScopes({ scp: ['c'] })).toEqual(['c']);
  });

  it('describes time to expiry', () => {
    expect(describeExpiry(1250, 1000)).toBe('expires in 4 min 10 s');
    expect(describeExpiry(990, 1000)).toBe('expired 10 s ago');
    expect(describeExpiry(undefined, 1000)).toBe('no expiry (exp) claim');
  });
});
