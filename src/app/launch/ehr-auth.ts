import {
  AuthSdkError,
  HttpRequestClient,
  HttpResponse,
  JWTObject,
  OktaAuth,
  OktaAuthOptions,
} from '@okta/okta-auth-js';
import { CALLBACK_PATH } from '../auth/okta-setup';
import { EHR_STORAGE_KEYS, EhrSession } from './ehr-session';

type Json = Record<string, unknown>;

/**
 * okta-auth-js, pointed at an EHR's authorization server instead of Okta. What differs:
 * - every request goes through `ehrHttpClient`, which lets through only the EHR's token and revocation
 *   endpoints (see there);
 * - the access token alone makes a session: an EHR need not do OpenID Connect;
 * - its tokens are its own: kept under keys of their own, and not shared with other tabs;
 * - tokens are renewed only with a refresh token, never through a hidden iframe on the EHR's
 *   authorization server (an EHR does not offer `prompt=none` to apps, and a framed app has no cookies
 *   for it);
 * - the ID token's signature is not checked: it comes straight from the EHR's token endpoint over TLS
 *   (OpenID Connect Core 3.1.3.7, step 6), and EHRs differ in how they publish keys. Its issuer,
 *   audience, nonce and lifetime are still checked.
 */
export class EhrOktaAuth extends OktaAuth {
  constructor(options: OktaAuthOptions) {
    super(options);
    const refuse = (): Promise<never> =>
      Promise.reject(
        new AuthSdkError('An EHR session renews only with a refresh token, and none was granted.'),
      );
    const { renewTokens, renew } = this.token;
    const hasRefreshToken = () => this.tokenManager.getTokensSync().refreshToken !== undefined;
    this.token.renewTokens = (params) => (hasRefreshToken() ? renewTokens(params) : refuse());
    this.token.renew = (token) => (hasRefreshToken() ? renew(token) : refuse());
    this.token.getWithoutPrompt = refuse;
    // SMART access tokens are opaque to the app; okta-auth-js decodes them only to keep their claims.
    const { decode } = this.token;
    this.token.decode = (token) => {
      try {
        return decode(token);
      } catch {
        // No claims are known; the typing insists on `sub`, which nothing of the app reads from here.
        return { header: { alg: 'none' }, payload: {}, signature: '' } as unknown as JWTObject;
      }
    };
  }

  override async isAuthenticated(): Promise<boolean> {
    const { accessToken } = this.tokenManager.getTokensSync();
    if (!accessToken) return false;
    if (!this.tokenManager.hasExpired(accessToken)) return true;
    try {
      return !!(await this.tokenManager.renew('accessToken'));
    } catch {
      return false;
    }
  }
}

/** Receives the token endpoint's JSON after an authorization code was exchanged: the launch context. */
export type TokenResponseSink = (response: Json) => void;

/**
 * The okta-auth-js client for one EHR session. The app's own callback and login redirect URIs are
 * the Okta ones: the EHR registration lists the same redirect URI.
 */
export function createEhrOktaAuth(
  session: EhrSession,
  appOrigin: string,
  onTokenResponse: TokenResponseSink,
): EhrOktaAuth {
  const { ehr, endpoints } = session;
  const sessionStorageKey = (storageKey: string) =>
    ({ storageType: 'sessionStorage', storageKey }) as const;
  const auth = new EhrOktaAuth({
    // Only the ID token's `iss` is compared with it; without one from discovery, the FHIR base stands in.
    issuer: endpoints.issuer ?? ehr.iss,
    clientId: ehr.clientId,
    scopes: [...session.scopes],
    redirectUri: `${appOrigin}${CALLBACK_PATH}`,
    authorizeUrl: endpoints.authorizationEndpoint,
    tokenUrl: endpoints.tokenEndpoint,
    ...(endpoints.revocationEndpoint ? { revokeUrl: endpoints.revocationEndpoint } : {}),
    pkce: true,
    ignoreSignature: true,
    tokenManager: {
      storage: 'sessionStorage',
      storageKey: EHR_STORAGE_KEYS.token,
      // okta-auth-js tells every tab of a client id about each token change; an EHR may share the Okta
      // session's client id, and acting on its tokens' expiry would renew (and drop) this session's.
      syncStorage: false,
    },
    storageManager: {
      transaction: sessionStorageKey(EHR_STORAGE_KEYS.transaction),
      cache: sessionStorageKey(EHR_STORAGE_KEYS.cache),
      'original-uri': sessionStorageKey(EHR_STORAGE_KEYS.originalUri),
    },
    // Shared (localStorage) transactions serve Okta's email links; an EHR launch stays in its tab.
    transactionManager: { enableSharedStorage: false },
    transformAuthState: async (_auth, state) => ({
      ...state,
      isAuthenticated: !!state.accessToken,
    }),
  });
  const { httpRequestClient } = auth.options;
  if (!httpRequestClient) throw new AuthSdkError('okta-auth-js has no HTTP client.');
  auth.options.httpRequestClient = ehrHttpClient(httpRequestClient, {
    issuer: endpoints.issuer ?? ehr.iss,
    tokenUrl: endpoints.tokenEndpoint,
    revokeUrl: endpoints.revocationEndpoint,
    clientId: ehr.clientId,
    onTokenResponse,
  });
  return auth;
}

export interface EhrHttpRules {
  readonly issuer: string;
  readonly tokenUrl: string;
  readonly revokeUrl?: string;
  readonly clientId: string;
  readonly onTokenResponse: TokenResponseSink;
}

/** The URL without query, fragment or trailing slash (okta-auth-js drops it from endpoints). */
function endpoint(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href.replace(/\/$/, '');
}

/**
 * What okta-auth-js may send for an EHR session, and nothing else:
 * - its OpenID discovery read (for the PKCE methods before the redirect, and the issuer an ID token must
 *   name) is answered here from the SMART configuration, SMART's own discovery, already read and checked;
 * - the token endpoint, without the query okta-auth-js appends on refresh (it would repeat `launch`);
 *   the authorization code's response is handed to `onTokenResponse`, since okta-auth-js keeps only the
 *   tokens and the launch context arrives beside them;
 * - the revocation endpoint, as a public client (RFC 7009): `client_id` in the body instead of the
 *   colon-less Basic header Okta accepts;
 * - no Okta user-agent header, which would need a CORS preflight an EHR need not allow.
 */
export function ehrHttpClient(base: HttpRequestClient, rules: EhrHttpRules): HttpRequestClient {
  const discovery = `${rules.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  return async (method, url, options) => {
    const headers = { ...(options.headers as Record<string, string> | undefined) };
    delete headers['X-Okta-User-Agent-Extended'];
    if (method === 'GET' && url === discovery) {
      return jsonResponse({ issuer: rules.issuer, code_challenge_methods_supported: ['S256'] });
    }
    const target = endpoint(url);
    if (method === 'POST' && target === endpoint(rules.tokenUrl)) {
      const response = await base(method, target, { ...options, headers });
      if (String(options.data).includes('grant_type=authorization_code')) {
        const body = responseJson(response);
        if (body) rules.onTokenResponse(body);
      }
      return response;
    }
    if (method === 'POST' && rules.revokeUrl && target === endpoint(rules.revokeUrl)) {
      delete headers['Authorization'];
      const data = `${String(options.data)}&client_id=${encodeURIComponent(rules.clientId)}`;
      return base(method, target, { ...options, headers, data });
    }
    throw new AuthSdkError(`This EHR session does not send ${method} requests to ${target}.`);
  };
}

function jsonResponse(body: Json): HttpResponse {
  return { status: 200, responseText: JSON.stringify(body), responseJSON: body, headers: {} };
}

function responseJson(response: HttpResponse): Json | undefined {
  if (response.responseJSON) return response.responseJSON;
  try {
    const parsed: unknown = JSON.parse(response.responseText);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}
