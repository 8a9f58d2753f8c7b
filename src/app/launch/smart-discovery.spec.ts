import {
  endpointOrigins,
  fromCapabilityStatement,
  fromSmartConfiguration,
  plainHttpUrl,
} from './smart-discovery';

const SMART = {
  issuer: 'https://auth.ehr.example/oauth2',
  authorization_endpoint: 'https://auth.ehr.example/oauth2/authorize',
  token_endpoint: 'https://auth.ehr.example/oauth2/token',
  revocation_endpoint: 'https://auth.ehr.example/oauth2/revoke',
  code_challenge_methods_supported: ['S256'],
  capabilities: ['launch-ehr', 'permission-v2', 42],
  scopes_supported: ['openid', 'launch'],
};

describe('an EHR is discovered from its SMART configuration', () => {
  it('reads the endpoints, issuer, capabilities and scopes', () => {
    expect(fromSmartConfiguration(SMART)).toEqual({
      ok: true,
      endpoints: {
        authorizationEndpoint: 'https://auth.ehr.example/oauth2/authorize',
        tokenEndpoint: 'https://auth.ehr.example/oauth2/token',
        revocationEndpoint: 'https://auth.ehr.example/oauth2/revoke',
        issuer: 'https://auth.ehr.example/oauth2',
        capabilities: ['launch-ehr', 'permission-v2'],
        codeChallengeMethods: ['S256'],
        scopesSupported: ['openid', 'launch'],
        source: 'smart-configuration',
      },
    });
  });

  it('keeps the issuer exactly as written, since an ID token must match it', () => {
    const found = fromSmartConfiguration({ ...SMART, issuer: 'https://auth.ehr.example' });
    expect(found.ok && found.endpoints.issuer).toBe('https://auth.ehr.example');
  });

  it('leaves out what is not stated or not a usable URL', () => {
    const found = fromSmartConfiguration({
      ...SMART,
      issuer: 'not a url',
      revocation_endpoint: 'javascript:alert(1)',
      capabilities: 'launch-ehr',
      scopes_supported: undefined,
    });
    expect(found.ok && found.endpoints).toEqual({
      authorizationEndpoint: SMART.authorization_endpoint,
      tokenEndpoint: SMART.token_endpoint,
      capabilities: [],
      codeChallengeMethods: ['S256'],
      source: 'smart-configuration',
    });
  });

  it('refuses a configuration without PKCE S256, in words', () => {
    for (const methods of [undefined, [], ['plain']]) {
      expect(
        fromSmartConfiguration({ ...SMART, code_challenge_methods_supported: methods }),
      ).toEqual({
        ok: false,
        problem:
          'its SMART configuration does not offer PKCE with S256 (code_challenge_methods_supported), which this app requires.',
      });
    }
  });

  it('refuses missing or unusable endpoints', () => {
    const problem =
      'its SMART configuration does not name a usable authorization and token endpoint.';
    expect(fromSmartConfiguration({ ...SMART, token_endpoint: undefined })).toEqual({
      ok: false,
      problem,
    });
    expect(
      fromSmartConfiguration({ ...SMART, authorization_endpoint: 'https://a@evil.test/x' }),
    ).toEqual({ ok: false, problem });
    expect(fromSmartConfiguration({ ...SMART, authorization_endpoint: '/authorize' })).toEqual({
      ok: false,
      problem,
    });
  });

  it('refuses what is not a JSON object', () => {
    expect(fromSmartConfiguration(['x']).ok).toBeFalse();
    expect(fromSmartConfiguration('x').ok).toBeFalse();
    expect(fromSmartConfiguration(null).ok).toBeFalse();
  });
});

describe('an older EHR is discovered from its CapabilityStatement', () => {
  const statement = (security: unknown, mode = 'server') => ({
    resourceType: 'CapabilityStatement',
    rest: [{ mode, security }],
  });
  const oauthUris = {
    url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
    extension: [
      { url: 'authorize', valueUri: 'https://ehr.example/authorize' },
      { url: 'token', valueUri: 'https://ehr.example/token' },
      { url: 'revoke', valueUri: 'https://ehr.example/revoke' },
    ],
  };

  it('reads the oauth-uris extension', () => {
    expect(fromCapabilityStatement(statement({ extension: [oauthUris] }))).toEqual({
      ok: true,
      endpoints: {
        authorizationEndpoint: 'https://ehr.example/authorize',
        tokenEndpoint: 'https://ehr.example/token',
        revocationEndpoint: 'https://ehr.example/revoke',
        capabilities: [],
        source: 'capability-statement',
      },
    });
  });

  it('refuses a statement without the extension, or only on a client rest entry', () => {
    const problem =
      "its CapabilityStatement's oauth-uris extension does not name a usable authorization and token endpoint.";
    expect(fromCapabilityStatement(statement({}))).toEqual({ ok: false, problem });
    expect(fromCapabilityStatement(statement({ extension: [oauthUris] }, 'client'))).toEqual({
      ok: false,
      problem,
    });
  });

  it('refuses what is not a CapabilityStatement', () => {
    expect(fromCapabilityStatement({ resourceType: 'Patient' }).ok).toBeFalse();
  });
});

describe('plainHttpUrl and endpointOrigins', () => {
  it('accepts only absolute http(s) URLs without user info', () => {
    expect(plainHttpUrl('https://ehr.example/x')).toBe('https://ehr.example/x');
    expect(plainHttpUrl('ftp://ehr.example/x')).toBeUndefined();
    expect(plainHttpUrl('https://u:p@ehr.example/x')).toBeUndefined();
    expect(plainHttpUrl(7)).toBeUndefined();
  });

  it('lists each endpoint origin once', () => {
    const found = fromSmartConfiguration({
      ...SMART,
      token_endpoint: 'https://token.ehr.example/token',
    });
    expect(found.ok && endpointOrigins(found.endpoints)).toEqual([
      'https://auth.ehr.example',
      'https://token.ehr.example',
    ]);
  });
});
