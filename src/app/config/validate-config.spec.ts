import { validateRuntimeConfig } from './validate-config';

const VALID = {
  okta: {
    issuer: 'http://localhost:4300/oauth2/default',
    clientId: '0oalocalfhirokta0spa',
    scopes: ['openid', 'profile', 'email', 'offline_access', 'user/*.read'],
  },
  loginMode: 'redirect',
  fhir: { baseUrl: 'http://localhost:4400/fhir' },
};

function withChange(path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(VALID)) as Record<string, Record<string, unknown>>;
  const [head, tail] = path.split('.');
  if (tail) copy[head][tail] = value;
  else (copy as Record<string, unknown>)[head] = value;
  return copy;
}

function problemFields(raw: unknown): string[] {
  const result = validateRuntimeConfig(raw);
  return result.ok ? [] : result.problems.map((p) => p.field);
}

describe('validateRuntimeConfig', () => {
  it('accepts the local-stack config and strips a trailing slash from the FHIR base', () => {
    const result = validateRuntimeConfig(withChange('fhir.baseUrl', 'http://localhost:4400/fhir/'));
    expect(result.ok).toBeTrue();
    if (result.ok) {
      expect(result.config.fhir.baseUrl).toBe('http://localhost:4400/fhir');
      expect(result.config.loginMode).toBe('redirect');
      expect(result.config.okta.scopes).toContain('user/*.read');
    }
  });

  it('accepts https anywhere and the widget login mode', () => {
    const raw = {
      ...VALID,
      loginMode: 'widget',
      okta: { ...VALID.okta, issuer: 'https://dev-1.okta.com/oauth2/default' },
      fhir: { baseUrl: 'https://fhir.example.com/r4' },
    };
    expect(validateRuntimeConfig(raw).ok).toBeTrue();
  });

  it('accepts scopes written as one space-separated string', () => {
    const result = validateRuntimeConfig(withChange('okta.scopes', 'openid profile user/*.read'));
    expect(result.ok && result.config.okta.scopes).toEqual(['openid', 'profile', 'user/*.read']);
  });

  it('names a missing issuer and says how to fix it', () => {
    const result = validateRuntimeConfig(withChange('okta.issuer', undefined));
    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.problems[0].field).toBe('okta.issuer');
      expect(result.problems[0].message).toBe('is missing');
      expect(result.problems[0].fix).toContain('okta.issuer');
    }
  });

  it('refuses plain http except for localhost', () => {
    expect(problemFields(withChange('fhir.baseUrl', 'http://fhir.example.com/fhir'))).toEqual([
      'fhir.baseUrl',
    ]);
  });

  it('refuses a URL that is not a URL, or carries a query', () => {
    expect(problemFields(withChange('okta.issuer', 'not a url'))).toEqual(['okta.issuer']);
    expect(problemFields(withChange('fhir.baseUrl', 'https://x.test/fhir?a=1'))).toEqual([
      'fhir.baseUrl',
    ]);
  });

  it('names a bad client id, empty scopes, scopes without openid, and an unknown login mode', () => {
    expect(problemFields(withChange('okta.clientId', 'a b<'))).toEqual(['okta.clientId']);
    expect(problemFields(withChange('okta.scopes', []))).toEqual(['okta.scopes']);
    expect(problemFields(withChange('okta.scopes', ['profile']))).toEqual(['okta.scopes']);
    expect(problemFields(withChange('loginMode', 'popup'))).toEqual(['loginMode']);
  });

  it('accepts the optional DPoP and Classic Engine switches, and names bad ones', () => {
    const raw = { ...VALID, okta: { ...VALID.okta, dpop: true, useClassicEngine: true } };
    const result = validateRuntimeConfig(raw);
    expect(result.ok && result.config.okta.dpop).toBeTrue();
    expect(result.ok && result.config.okta.useClassicEngine).toBeTrue();
    expect(problemFields(withChange('okta.dpop', 'yes'))).toEqual(['okta.dpop']);
    expect(problemFields(withChange('okta.useClassicEngine', 1))).toEqual([
      'okta.useClassicEngine',
    ]);
  });

  it('reports every problem at once', () => {
    expect(problemFields({ okta: {}, fhir: {} })).toEqual([
      'okta.issuer',
      'okta.clientId',
      'okta.scopes',
      'fhir.baseUrl',
    ]);
  });

  it('refuses something that is not an object', () => {
    expect(problemFields(null)).toEqual(['(file)']);
    expect(problemFields([1, 2])).toEqual(['(file)']);
  });
});
