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
      expect(result.config.ehrs).toEqual([]);
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

  it('allows a "$schema" reference for editors', () => {
    expect(validateRuntimeConfig({ $schema: './config.schema.json', ...VALID }).ok).toBeTrue();
  });

  it('refuses a misspelt field instead of ignoring it, and suggests the right name', () => {
    const raw = { ...VALID, okta: { ...VALID.okta, issuerr: 'https://o.okta.com/oauth2/default' } };
    const result = validateRuntimeConfig(raw);
    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.problems.length).toBe(1);
      expect(result.problems[0].field).toBe('okta.issuerr');
      expect(result.problems[0].message).toBe('is not a known field');
      expect(result.problems[0].fix).toContain('Did you mean "okta.issuer"?');
      expect(result.problems[0].fix).toContain('issuer, clientId, scopes, useClassicEngine, dpop');
    }
  });

  it('refuses unknown fields at the top level and in "fhir", naming each', () => {
    expect(problemFields({ ...VALID, loginmode: 'widget', extra: 1 })).toEqual([
      'loginmode',
      'extra',
    ]);
    expect(problemFields(withChange('fhir.baseURL', 'https://fhir.example.com/r4'))).toEqual([
      'fhir.baseURL',
    ]);
  });

  it('names a missing or non-object "okta" or "fhir" section', () => {
    expect(problemFields({ loginMode: 'redirect' })).toEqual(['okta', 'fhir']);
    expect(problemFields({ ...VALID, okta: 'x', fhir: null })).toEqual(['okta', 'fhir']);
  });

  it('refuses an array scope that contains a space', () => {
    expect(problemFields(withChange('okta.scopes', ['openid profile']))).toEqual(['okta.scopes']);
  });

  it('refuses something that is not an object', () => {
    expect(problemFields(null)).toEqual(['(file)']);
    expect(problemFields([1, 2])).toEqual(['(file)']);
  });
});

describe('validateRuntimeConfig: the opt-in FHIR API key', () => {
  const withKey = (fhir: Record<string, unknown>) => ({
    ...VALID,
    fhir: { baseUrl: 'https://fhir.example.com/r4', ...fhir },
  });

  it('accepts a key together with "apiKeyIsPublic": true and passes it on', () => {
    const result = validateRuntimeConfig(withKey({ apiKey: 'abc123-XYZ', apiKeyIsPublic: true }));
    expect(result.ok && result.config.fhir).toEqual({
      baseUrl: 'https://fhir.example.com/r4',
      apiKey: 'abc123-XYZ',
    });
  });

  it('has no key in the config when none is configured', () => {
    const result = validateRuntimeConfig(VALID);
    expect(result.ok && result.config.fhir).toEqual({ baseUrl: 'http://localhost:4400/fhir' });
  });

  it('refuses a key without the acknowledgement, and the fix explains the risk', () => {
    const result = validateRuntimeConfig(withKey({ apiKey: 'abc123' }));
    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.problems.map((p) => p.field)).toEqual(['fhir.apiKeyIsPublic']);
      expect(result.problems[0].message).toBe('is required when "fhir.apiKey" is set');
      expect(result.problems[0].fix).toContain('public');
      expect(result.problems[0].fix).toContain('anyone who can open this app can read it');
      expect(result.problems[0].fix).toContain('"apiKeyIsPublic": true');
    }
  });

  it('refuses a key acknowledged with false, or with a non-boolean', () => {
    const falseAck = validateRuntimeConfig(withKey({ apiKey: 'abc123', apiKeyIsPublic: false }));
    expect(falseAck.ok ? '' : falseAck.problems[0].message).toBe(
      'must be true when "fhir.apiKey" is set',
    );
    expect(problemFields(withKey({ apiKey: 'abc123', apiKeyIsPublic: 'yes' }))).toEqual([
      'fhir.apiKeyIsPublic',
    ]);
  });

  it('refuses an empty key, a key with spaces or non-ASCII, and a non-string key', () => {
    for (const apiKey of ['', 'a key', 'kéy', 42]) {
      expect(problemFields(withKey({ apiKey, apiKeyIsPublic: true })))
        .withContext(JSON.stringify(apiKey))
        .toEqual(['fhir.apiKey']);
    }
  });
});
