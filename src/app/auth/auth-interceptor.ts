import {
  HttpContextToken,
  HttpErrorResponse,
  HttpEvent,
  HttpHandlerFn,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { OKTA_AUTH } from '@okta/okta-angular';
import { OktaAuth } from '@okta/okta-auth-js';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { FHIR_SESSION } from '../fhir/fhir-session';
import { isUnderFhirBase } from '../fhir/fhir-url';
import { SessionEndNotices, renewalFailureReason } from '../session/session-end';

/** Set on a request that must go without credentials even to the FHIR base (public discovery). */
export const WITHOUT_TOKEN = new HttpContextToken<boolean>(() => false);

/**
 * Adds the session's access token to requests for the session's FHIR base (see FhirSession), and to
 * nothing else: the token must never reach the issuer, an EHR's other servers, a CDN, or a host that
 * merely looks like the base. With `okta.dpop` the token goes as `Authorization: DPoP` plus a fresh
 * proof per request. On a 401 from the FHIR server it renews the token once and retries once (expired,
 * or revoked by a sign-out elsewhere); a second failure reaches the page as "session ended". An EHR
 * session renews only with a refresh token (see EhrOktaAuth). With the opt-in `fhir.apiKey` the same
 * requests of an Okta session (and only those) also carry `x-api-key`.
 */
export const authInterceptor: HttpInterceptorFn = (original, next) => {
  const session = inject(FHIR_SESSION);
  if (original.context.get(WITHOUT_TOKEN)) return next(original);
  if (!isUnderFhirBase(original.urlWithParams, session.baseUrl)) return next(original);
  const request = withApiKey(original, session.apiKey);
  const oktaAuth = inject(OKTA_AUTH);
  const notices = inject(SessionEndNotices);
  const authorized = (): Observable<HttpEvent<unknown>> =>
    session.dpop
      ? from(dpopHeaders(oktaAuth, request)).pipe(switchMap((h) => withHeaders(request, next, h)))
      : withHeaders(request, next, bearerHeaders(oktaAuth.getAccessToken()));
  return authorized().pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      return from(renewAccessToken(oktaAuth, notices)).pipe(
        switchMap((renewed) => (renewed ? authorized() : throwError(() => error))),
      );
    }),
  );
};

type AuthHeaders = Record<string, string> | undefined;

/** The configured FHIR API key, public by design (see validate-config.ts); callers check the URL. */
function withApiKey(
  request: HttpRequest<unknown>,
  apiKey: string | undefined,
): HttpRequest<unknown> {
  return apiKey ? request.clone({ setHeaders: { 'x-api-key': apiKey } }) : request;
}

function withHeaders(
  request: HttpRequest<unknown>,
  next: HttpHandlerFn,
  headers: AuthHeaders,
): Observable<HttpEvent<unknown>> {
  return next(headers ? request.clone({ setHeaders: headers }) : request);
}

/** No token, no header: never "Bearer undefined". */
function bearerHeaders(accessToken: string | undefined): AuthHeaders {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : undefined;
}

/** A DPoP proof for this method and URL; `htu` carries no query or fragment (RFC 9449). */
async function dpopHeaders(
  oktaAuth: OktaAuth,
  request: HttpRequest<unknown>,
): Promise<AuthHeaders> {
  if (!oktaAuth.getAccessToken()) return undefined;
  const url = new URL(request.urlWithParams, globalThis.location?.href);
  url.search = '';
  url.hash = '';
  try {
    const headers = await oktaAuth.getDPoPAuthorizationHeaders({
      url: url.href,
      method: request.method,
    });
    return { Authorization: headers.Authorization, DPoP: headers.Dpop };
  } catch {
    return undefined;
  }
}

/**
 * Renews through the refresh token (or the hidden iframe); false when that fails too, noting why so
 * the login page can say which way the session ended.
 */
async function renewAccessToken(oktaAuth: OktaAuth, notices: SessionEndNotices): Promise<boolean> {
  try {
    const renewed = await oktaAuth.tokenManager.renew('accessToken');
    return !!renewed && 'accessToken' in renewed && !!renewed.accessToken;
  } catch (error) {
    notices.lastRenewalFailure = renewalFailureReason(error);
    return false;
  }
}
