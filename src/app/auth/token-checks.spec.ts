import {
  checkAccessToken,
  decodeJwt,
  describeExpiry,
  describeSession,
  scopeAllowsRead,
} from './token-checks';

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
  const now = 1_800_000_000;
  const expected = {
    fhirBase: base,
    clientId: '0oalocalfhirokta0spa',
    nowSeconds: now,
    leewaySeconds: 0,
  };
  const good = {
    aud: base,
    scope: 'openid profile user/*.read',
    scp: ['openid', 'profile', 'user/*.read'],
    client_id: '0oalocalfhirokta0spa',
    exp: now + 300,
  };
  const find = (checks: ReturnType<typeof checkAccessToken>, pattern: RegExp) =>
    checks.find((c) => pattern.test(c.requirement));

  it('passes a token shaped as the FHIR server needs', () => {
    expect(checkAccessToken(good, expected).every((c) => c.ok)).toBeTrue();
  });

  it('explains a wrong audience, a missing scope string and a missing client_id, each with its fix', () => {
    const checks = checkAccessToken(
      { aud: 'api://default', scp: ['openid'], exp: now + 60 },
      expected,
    );
    expect(find(checks, /audience/)?.finding).toContain('not http://localhost:4400/fhir');
    expect(find(checks, /audience/)?.finding).toContain('Set the authorization server');
    expect(find(checks, /"scope" claim/)?.finding).toContain('no "scope" string claim');
    expect(find(checks, /client_id/)?.finding).toContain('no client_id claim');
    expect(find(checks, /lifetime/)?.ok).toBeTrue();
  });

  it('says observations are out of reach with Patient-only scopes', () => {
    const checks = checkAccessToken({ ...good, scope: 'openid user/Patient.read' }, expected);
    expect(find(checks, /read Patient/)?.ok).toBeTrue();
    expect(find(checks, /read Observation/)?.ok).toBeFalse();
  });

  it('understands SMART v1, v2 and granular read scopes', () => {
    expect(scopeAllowsRead(['user/Patient.rs'], 'Patient')).toBeTrue();
    expect(scopeAllowsRead(['patient/*.read'], 'Observation')).toBeTrue();
    expect(
      scopeAllowsRead(['patient/Observation.rs?category=laboratory'], 'Observation'),
    ).toBeTrue();
    expect(scopeAllowsRead(['user/Patient.write'], 'Patient')).toBeFalse();
    expect(scopeAllowsRead(['user/Patient.s'], 'Patient')).toBeFalse();
    expect(scopeAllowsRead(['user/Observation.read'], 'Patient')).toBeFalse();
  });

  it('describes time to expiry', () => {
    expect(describeExpiry(1250, 1000)).toBe('expires in 4 min 10 s');
    expect(describeExpiry(990, 1000)).toBe('expired 10 s ago');
    expect(describeExpiry(undefined, 1000)).toBe('no expiry (exp) claim');
  });

  it('says when the session ends without activity, and how it renews', () => {
    const settings = { idleMinutes: 15, warningSeconds: 60 };
    const now = 1_800_000_000;
    const counting = describeSession({
      settings,
      idleDeadlineMs: (now + 14 * 60 + 5) * 1000,
      nowSeconds: now,
      hasRefreshToken: true,
    });
    expect(counting.ends).toBe(
      'Without activity, every tab signs out in 14 min 5 s (after 15 minutes without any).',
    );
    expect(counting.renews).toContain('refresh token');
    const iframe = describeSession({
      settings: { idleMinutes: 0, warningSeconds: 60 },
      idleDeadlineMs: undefined,
      nowSeconds: now,
      hasRefreshToken: false,
    });
    expect(iframe.ends).toContain('Automatic sign-out is off');
    expect(iframe.renews).toContain('hidden iframe');
    expect(iframe.renews).toContain('third-party cookies');
  });
});
