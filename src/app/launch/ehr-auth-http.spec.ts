import { HttpRequestClient, HttpResponse } from '@okta/okta-auth-js';
import { testEhrSession } from '../../testing/ehr-session';
import { ehrHttpClient } from './ehr-auth';

const ISSUER = 'https://auth.ehr.example';
const SESSION = testEhrSession();
const OK: HttpResponse = { status: 200, responseText: '{}', headers: {} };

describe('what an EHR session lets okta-auth-js send', () => {
  let base: jasmine.Spy<HttpRequestClient>;
  let sink: jasmine.Spy;
  let client: HttpRequestClient;

  beforeEach(() => {
    base = jasmine.createSpy<HttpRequestClient>('base').and.resolveTo(OK);
    sink = jasmine.createSpy('sink');
    client = ehrHttpClient(base, {
      issuer: ISSUER,
      tokenUrl: SESSION.endpoints.tokenEndpoint,
      revokeUrl: SESSION.endpoints.revocationEndpoint,
      clientId: 'ehr-app',
      onTokenResponse: sink,
    });
  });

  it('answers the OpenID discovery read itself, from the SMART configuration', async () => {
    const response = await client('GET', `${ISSUER}/.well-known/openid-configuration`, {});
    expect(response.responseJSON).toEqual({
      issuer: ISSUER,
      code_challenge_methods_supported: ['S256'],
    });
    expect(base).not.toHaveBeenCalled();
  });

  it('sends the code exchange to the token endpoint, without the Okta header, and keeps its response', async () => {
    const tokenResponse = { access_token: 'a', patient: 'pat-1' };
    base.and.resolveTo({ ...OK, responseJSON: tokenResponse });
    await client('POST', SESSION.endpoints.tokenEndpoint, {
      headers: { 'X-Okta-User-Agent-Extended': 'okta-auth-js/7', Accept: 'application/json' },
      data: 'grant_type=authorization_code&code=c',
    });
    expect(base).toHaveBeenCalledOnceWith('POST', SESSION.endpoints.tokenEndpoint, {
      headers: { Accept: 'application/json' },
      data: 'grant_type=authorization_code&code=c',
    });
    expect(sink).toHaveBeenCalledOnceWith(tokenResponse);
  });

  it('drops the launch query okta-auth-js appends to a refresh, and keeps no context from it', async () => {
    base.and.resolveTo({ ...OK, responseText: '{"access_token":"b"}' });
    await client('POST', `${SESSION.endpoints.tokenEndpoint}?launch=launch-1&aud=x`, {
      data: 'grant_type=refresh_token&refresh_token=r',
    });
    expect(base.calls.mostRecent().args[1]).toBe(SESSION.endpoints.tokenEndpoint);
    expect(sink).not.toHaveBeenCalled();
  });

  it('revokes as a public client: client_id in the body, no Basic header', async () => {
    await client('POST', SESSION.endpoints.revocationEndpoint ?? '', {
      headers: { Authorization: 'Basic ZWhyLWFwcA==' },
      data: 'token_type_hint=access_token&token=t',
    });
    expect(base).toHaveBeenCalledOnceWith('POST', SESSION.endpoints.revocationEndpoint ?? '', {
      headers: {},
      data: 'token_type_hint=access_token&token=t&client_id=ehr-app',
    });
  });

  it('sends nothing anywhere else: userinfo, keys, Okta endpoints, another host', async () => {
    for (const [method, url] of [
      ['GET', `${ISSUER}/v1/userinfo`],
      ['GET', `${ISSUER}/v1/keys`],
      ['POST', `${ISSUER}/v1/logout`],
      ['POST', 'https://evil.test/oauth2/token'],
      ['GET', SESSION.endpoints.tokenEndpoint],
    ]) {
      await expectAsync(client(method, url, {}))
        .withContext(url)
        .toBeRejected();
    }
    expect(base).not.toHaveBeenCalled();
  });
});
