import {
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
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { isUnderFhirBase } from '../fhir/fhir-url';
import { SessionEndNotices, renewalFailureReason } from '../session/session-end';

/**
 * Adds the Okta access token to requests for the configured FHIR base, and to nothing else:
 * the token must never reach the issuer, a CDN, or a host that merely looks like the base.
 * With `okta.dpop` the token goes as `Authorization: DPoP` plus a fresh proof per request.
 * On a 401 from the FHIR server it renews the token once and retries once (expired, or
 * revoked by a sign-out elsewhere); a second failure reaches the page as "session ended".
 * With the opt-in `fhir.apiKey` the same requests (and only those) also carry `x-api-key`.
 */
export const authInterceptor: HttpInterceptorFn = (original, next) => {
  const config = inject(RUNTIME_CONFIG);
  if (!isUnderFhirBase(original.urlWithParams, config.fhir.baseUrl)) return next(original);
  const request = withApiKey(original, config.fhir.apiKey);
  const oktaAuth = inject(OKTA_AUTH);
  const notices = inject(SessionEndNotices);
  const authorized = (): Observable<HttpEvent<unknown>> =>
    config.okta.dpop
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
