import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OAUTH_URIS, readOauthUris, readSmartConfiguration } from './smart-discovery.ts';

const ISSUER = 'https://ehr.example/auth';

describe('reading a SMART configuration', () => {
  test('reads the endpoints, capabilities, PKCE methods and scopes', () => {
    assert.deepEqual(
      readSmartConfiguration({
        issuer: ISSUER,
        jwks_uri: `${ISSUER}/keys`,
        authorization_endpoint: `${ISSUER}/authorize`,
        token_endpoint: `${ISSUER}/token`,
        revocation_endpoint: `${ISSUER}/revoke`,
        capabilities: ['launch-ehr', 'permission-v2'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['openid', 'launch'],
      }),
      {
        source: 'smart-configuration',
        authorizationEndpoint: `${ISSUER}/authorize`,
        tokenEndpoint: `${ISSUER}/token`,
        capabilities: ['launch-ehr', 'permission-v2'],
        issuer: ISSUER,
        jwksUri: `${ISSUER}/keys`,
        revocationEndpoint: `${ISSUER}/revoke`,
        codeChallengeMethods: ['S256'],
        scopesSupported: ['openid', 'launch'],
      },
    );
  });

  test('leaves out what is not stated, and keeps only the text entries of a list', () => {
    assert.deepEqual(
      readSmartConfiguration({
        authorization_endpoint: `${ISSUER}/authorize`,
        token_endpoint: `${ISSUER}/token`,
        capabilities: ['launch-ehr', 42, null],
        code_challenge_methods_supported: 'S256',
        issuer: 'not a url',
      }),
      {
        source: 'smart-configuration',
        authorizationEndpoint: `${ISSUER}/authorize`,
        tokenEndpoint: `${ISSUER}/token`,
        capabilities: ['launch-ehr'],
      },
    );
  });

  test('is no discovery without both endpoints as URLs, or when not an object', () => {
    for (const document of [
      undefined,
      null,
      'text',
      [],
      { authorization_endpoint: `${ISSUER}/authorize` },
      { token_endpoint: `${ISSUER}/token` },
      { authorization_endpoint: '/authorize', token_endpoint: `${ISSUER}/token` },
      { authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: 42 },
    ]) {
      assert.equal(readSmartConfiguration(document), undefined, JSON.stringify(document));
    }
  });
});

describe("reading a CapabilityStatement's oauth-uris", () => {
  const statement = (extension: unknown, mode: unknown = 'server') => ({
    resourceType: 'CapabilityStatement',
    rest: [{ mode, security: { extension: [{ url: OAUTH_URIS, extension }] } }],
  });

  test('reads the authorize, token and revoke URIs; it states no capabilities or PKCE methods', () => {
    assert.deepEqual(
      readOauthUris(
        statement([
          { url: 'authorize', valueUri: `${ISSUER}/authorize` },
          { url: 'token', valueUri: `${ISSUER}/token` },
          { url: 'revoke', valueUri: `${ISSUER}/revoke` },
        ]),
      ),
      {
        source: 'capability-statement',
        authorizationEndpoint: `${ISSUER}/authorize`,
        tokenEndpoint: `${ISSUER}/token`,
        capabilities: [],
        revocationEndpoint: `${ISSUER}/revoke`,
      },
    );
  });

  test('is no discovery without both URIs, outside a server rest, or in another resource', () => {
    const token = { url: 'token', valueUri: `${ISSUER}/token` };
    const authorize = { url: 'authorize', valueUri: `${ISSUER}/authorize` };
    for (const value of [
      statement([token]),
      statement([authorize, { url: 'token', valueUri: 'relative/token' }]),
      statement('not a list'),
      statement([authorize, token], 'client'),
      { ...statement([authorize, token]), resourceType: 'Bundle' },
      { resourceType: 'CapabilityStatement' },
      undefined,
    ]) {
      assert.equal(readOauthUris(value), undefined, JSON.stringify(value));
    }
  });
});
