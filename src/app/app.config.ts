import {
  ApplicationConfig,
  ErrorHandler,
  importProvidersFrom,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { OKTA_AUTH, OktaAuthModule } from '@okta/okta-angular';
import { routes } from './app.routes';
import { authInterceptor } from './auth/auth-interceptor';
import { CapabilityService } from './fhir/capabilities';
import { retryInterceptor } from './fhir/retry-interceptor';
import {
  CALLBACK_PATH,
  createOktaAuth,
  installReturnToOriginalUri,
  onAuthRequired,
} from './auth/okta-setup';
import { RuntimeConfig } from './config/runtime-config';
import { RUNTIME_CONFIG } from './config/runtime-config-token';
import { EHR_SESSION } from './fhir/fhir-session';
import { createEhrOktaAuth } from './launch/ehr-auth';
import { resumeEhrSession } from './launch/ehr-session';
import { keepLaunchContext } from './launch/launch-session';
import { SmartStyle } from './launch/smart-style';
import { SessionEndNotices } from './session/session-end';
import { IdleSignOut } from './session/idle-sign-out';
import { OtherTabs } from './session/other-tabs';
import { RestoredPage } from './session/restored-page';
import { PhiSafeErrorHandler } from './shell/phi-safe-error-handler';

/**
 * Providers for a validated runtime config (see main.ts). A page load belongs to one session, decided
 * here: an EHR's (its callback, or an established EHR session in this tab) or Okta's. The session's
 * okta-auth-js client and FHIR base follow from it.
 */
export function createAppConfig(config: RuntimeConfig): ApplicationConfig {
  const ehrSession = resumeEhrSession(sessionStorage, config.ehrs, window.location, CALLBACK_PATH);
  const oktaAuth = ehrSession
    ? createEhrOktaAuth(ehrSession, window.location.origin, (response) =>
        keepLaunchContext(sessionStorage, response),
      )
    : createOktaAuth(config);
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      { provide: ErrorHandler, useClass: PhiSafeErrorHandler },
      { provide: RUNTIME_CONFIG, useValue: config },
      // FHIR_SESSION (the session's FHIR base) follows from it.
      { provide: EHR_SESSION, useValue: ehrSession },
      provideRouter(routes, withComponentInputBinding()),
      // Retry first: a retried read passes the auth interceptor again, for a fresh DPoP proof.
      provideHttpClient(withInterceptors([retryInterceptor, authInterceptor])),
      importProvidersFrom(OktaAuthModule.forRoot({ oktaAuth, onAuthRequired })),
      provideAppInitializer(() =>
        installReturnToOriginalUri(inject(OKTA_AUTH), inject(Router), inject(SessionEndNotices)),
      ),
      // The session across tabs: what the others say, the idle clock, and pages Back brings back.
      provideAppInitializer(() => {
        inject(OtherTabs).start();
        inject(IdleSignOut).start();
        inject(RestoredPage).start();
      }),
      // Not awaited: the app starts at once, and searches wait for the statement (or its failure).
      provideAppInitializer(() => inject(CapabilityService).load()),
      // An EHR session's theme, again after a reload (the callback applies it the first time).
      provideAppInitializer(() => inject(SmartStyle).apply()),
    ],
  };
}
