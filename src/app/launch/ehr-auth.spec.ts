import { OktaAuth } from '@okta/okta-auth-js';
import { jwtWithClaims } from '../../testing/fake-okta';
import { createEhrOktaAuth } from './ehr-auth';
import { EHR_STORAGE_KEYS, EhrSession, endEhrSession } from './ehr-session';

const ISSUER = 'https://auth.ehr.example/oauth2';
const SESSION: EhrSession = {
  ehr: { name: 'Example EHR', iss: 'https://ehr.example/fhir', clientId: 'ehr-app' },
  endpoints: {
    authorizationEndpoint: 'https://auth.ehr.example/oauth2/authorize',
    tokenEndpoint: 'https://auth.ehr.example/oauth2/token',
    revocationEndpoint: 'https://auth.ehr.example/oauth2/revoke',
    issuer: ISSUER,
    capabilities: ['launch-ehr'],
    source: 'smart-configuration',
  },
  scopes: ['launch', 'openid', 'fhirUser', 'patient/*.rs'],
  state: 'state-1',
  launch: 'launch-1',
};

describe('okta-auth-js pointed at an EHR', () => {
  const appOrigin = 'http://localhost:4200';
  let sink: jasmine.Spy;

  beforeEach(() => {
    sessionStorage.clear();
    sink = jasmine.createSpy('sink');
  });
  afterEach(() => {
    endEhrSession(sessionStorage);
    sessionStorage.clear();
  });

  async function authorizeUrl(auth: ReturnType<typeof createEhrOktaAuth>): Promise<URL> {
    let location = '';
    auth.options.setLocation = (url) => (location = url);
    await auth.token.getWithRedirect({
      state: SESSION.state,
      extraParams: { launch: 'launch-1', aud: SESSION.ehr.iss },
    });
    return new URL(location);
  }

  it('sends the user to the EHR with PKCE S256, state, launch and aud, keeping the transaction apart', async () => {
    const auth = createEhrOktaAuth(SESSION, appOrigin, sink);
    const url = await authorizeUrl(auth);
    expect(url.origin + url.pathname).toBe(SESSION.endpoints.authorizationEndpoint);
    const params = url.searchParams;
    expect(params.get('client_id')).toBe('ehr-app');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('redirect_uri')).toBe(`${appOrigin}/login/callback`);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toBe('state-1');
    expect(params.get('launch')).toBe('launch-1');
    expect(params.get('aud')).toBe('https://ehr.example/fhir');
    expect(params.get('scope')).toBe('launch openid fhirUser patient/*.rs');
    expect(sessionStorage.getItem(EHR_STORAGE_KEYS.transaction)).toContain('state-1');
    expect(sessionStorage.getItem('okta-transaction-storage')).toBeNull();
  });

  it('exchanges the code at the EHR, keeps the context, and stores the tokens under the EHR keys', async () => {
    const auth = createEhrOktaAuth(SESSION, appOrigin, sink);
    const nonce = (await authorizeUrl(auth)).searchParams.get('nonce');
    const now = Math.floor(Date.now() / 1000);
    const idToken = jwtWithClaims({ iss: ISSUER, aud: 'ehr-app', nonce, iat: now, exp: now + 300 });
    const accessToken = jwtWithClaims({ scope: 'launch patient/*.rs', exp: now + 300 });
    const body = {
      access_token: accessToken,
      id_token: idToken,
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'launch openid fhirUser patient/*.rs',
      patient: 'pat-1',
    };
    const fetchSpy = spyOn(window, 'fetch').and.callFake(async () =>
      Response.json(body, { headers: { 'Content-Type': 'application/json' } }),
    );
    const { tokens } = await auth.token.parseFromUrl({
      url: `${appOrigin}/login/callback?code=code-1&state=state-1`,
    });
    auth.tokenManager.setTokens(tokens);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.calls.mostRecent().args[0]).toBe(SESSION.endpoints.tokenEndpoint);
    expect(sink).toHaveBeenCalledOnceWith(jasmine.objectContaining({ patient: 'pat-1' }));
    expect(auth.getAccessToken()).toBe(accessToken);
    expect(sessionStorage.getItem(EHR_STORAGE_KEYS.token)).toContain(accessToken);
    expect(sessionStorage.getItem('okta-token-storage')).toBeNull();
    expect(await auth.isAuthenticated()).toBeTrue();
  });

  it('refuses an ID token from another issuer', async () => {
    const auth = createEhrOktaAuth(SESSION, appOrigin, sink);
    const nonce = (await authorizeUrl(auth)).searchParams.get('nonce');
    const now = Math.floor(Date.now() / 1000);
    spyOn(window, 'fetch').and.callFake(async () =>
      Response.json({
        access_token: 'opaque-token',
        id_token: jwtWithClaims({
          iss: 'https://evil.test',
          aud: 'ehr-app',
          nonce,
          iat: now,
          exp: now + 60,
        }),
        token_type: 'Bearer',
        expires_in: 300,
      }),
    );
    await expectAsync(
      auth.token.parseFromUrl({ url: `${appOrigin}/login/callback?code=c&state=state-1` }),
    ).toBeRejectedWithError(/issuer/i);
  });

  it('is signed in with an opaque access token and no ID token (an EHR without OpenID Connect)', async () => {
    const auth = createEhrOktaAuth(
      { ...SESSION, scopes: ['launch', 'patient/*.rs'] },
      appOrigin,
      sink,
    );
    await authorizeUrl(auth);
    spyOn(window, 'fetch').and.callFake(async () =>
      Response.json({ access_token: 'opaque-token', token_type: 'Bearer', expires_in: 300 }),
    );
    const { tokens } = await auth.token.parseFromUrl({
      url: `${appOrigin}/login/callback?code=c&state=state-1`,
    });
    auth.tokenManager.setTokens(tokens);
    expect(auth.getAccessToken()).toBe('opaque-token');
    expect(await auth.isAuthenticated()).toBeTrue();
  });

  it('never renews through a hidden iframe: without a refresh token, renewal is refused', async () => {
    const auth = createEhrOktaAuth(SESSION, appOrigin, sink);
    const expired = Math.floor(Date.now() / 1000) - 10;
    auth.tokenManager.setTokens({
      accessToken: {
        accessToken: 'a',
        claims: { sub: 'x' },
        expiresAt: expired,
        tokenType: 'Bearer',
        scopes: ['launch'],
        authorizeUrl: SESSION.endpoints.authorizationEndpoint,
        userinfoUrl: '',
      },
    });
    const frames = document.querySelectorAll('iframe').length;
    await expectAsync(auth.tokenManager.renew('accessToken')).toBeRejected();
    await expectAsync(auth.token.getWithoutPrompt()).toBeRejected();
    expect(await auth.isAuthenticated()).toBeFalse();
    expect(document.querySelectorAll('iframe').length).toBe(frames);
  });

  it('renews with a refresh token when the EHR granted one, at its token endpoint only', async () => {
    const auth = createEhrOktaAuth(SESSION, appOrigin, sink);
    const now = Math.floor(Date.now() / 1000);
    auth.tokenManager.setTokens({
      accessToken: {
        accessToken: 'old',
        claims: { sub: 'x' },
        expiresAt: now - 10,
        tokenType: 'Bearer',
        scopes: ['launch', 'patient/*.rs'],
        authorizeUrl: SESSION.endpoints.authorizationEndpoint,
        userinfoUrl: '',
        extraParams: { launch: 'launch-1', aud: SESSION.ehr.iss },
      },
      refreshToken: {
        refreshToken: 'refresh-1',
        expiresAt: now + 3600,
        scopes: ['launch', 'patient/*.rs'],
        tokenUrl: SESSION.endpoints.tokenEndpoint,
        authorizeUrl: SESSION.endpoints.authorizationEndpoint,
        issuer: ISSUER,
        extraParams: { launch: 'launch-1', aud: SESSION.ehr.iss },
      },
    });
    const fetchSpy = spyOn(window, 'fetch').and.callFake(async () =>
      Response.json({
        access_token: 'renewed',
        refresh_token: 'refresh-2',
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'launch patient/*.rs',
      }),
    );
    const renewed = await auth.tokenManager.renew('accessToken');
    expect(renewed && 'accessToken' in renewed && renewed.accessToken).toBe('renewed');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.calls.mostRecent().args as [string, RequestInit];
    expect(url).toBe(SESSION.endpoints.tokenEndpoint);
    expect(String(init.body)).toContain('grant_type=refresh_token');
    // A refresh is no new launch: its context is not read again.
    expect(sink).not.toHaveBeenCalled();
  });

  it('hears nothing of an Okta session with the same client id in another tab', async () => {
    const ehr = createEhrOktaAuth(SESSION, appOrigin, sink);
    const okta = new OktaAuth({
      issuer: ISSUER,
      clientId: SESSION.ehr.clientId,
      redirectUri: `${appOrigin}/login/callback`,
      tokenManager: { storage: 'sessionStorage', storageKey: 'test-okta-tokens', autoRenew: false },
    });
    const heard = jasmine.createSpy('heard');
    await Promise.all([ehr.start(), okta.start()]);
    ehr.tokenManager.on('added', heard);
    ehr.tokenManager.on('expired', heard);
    try {
      // okta-auth-js tells every tab of the client about each token; an EHR tab must not act on the Okta
      // session's (its expiry would make the EHR tab renew, and drop, its own token).
      okta.tokenManager.setTokens({
        accessToken: {
          accessToken: 'okta-token',
          claims: { sub: 'x' },
          expiresAt: Math.floor(Date.now() / 1000),
          tokenType: 'Bearer',
          scopes: [],
          authorizeUrl: SESSION.endpoints.authorizationEndpoint,
          userinfoUrl: '',
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).not.toHaveBeenCalled();
      expect(ehr.getAccessToken()).toBeUndefined();
    } finally {
      await Promise.all([ehr.stop(), okta.stop()]);
      sessionStorage.removeItem('test-okta-tokens');
    }
  });
});
