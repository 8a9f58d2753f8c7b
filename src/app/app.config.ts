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
import { createOktaAuth, installReturnToOriginalUri, onAuthRequired } from './auth/okta-setup';
import { RuntimeConfig } from './config/runtime-config';
import { RUNTIME_CONFIG } from './config/runtime-config-token';
import { SessionEndNotices } from './session/session-end';
import { SessionWatch } from './session/session-watch';
import { PhiSafeErrorHandler } from './shell/phi-safe-error-handler';

/** Providers for a validated runtime config (see main.ts). */
export function createAppConfig(config: RuntimeConfig): ApplicationConfig {
  const oktaAuth = createOktaAuth(config);
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      { provide: ErrorHandler, useClass: PhiSafeErrorHandler },
      { provide: RUNTIME_CONFIG, useValue: config },
      provideRouter(routes, withComponentInputBinding()),
      // Retry first: a retried read passes the auth interceptor again, for a fresh DPoP proof.
      provideHttpClient(withInterceptors([retryInterceptor, authInterceptor])),
      importProvidersFrom(OktaAuthModule.forRoot({ oktaAuth, onAuthRequired })),
      provideAppInitializer(() =>
        installReturnToOriginalUri(inject(OKTA_AUTH), inject(Router), inject(SessionEndNotices)),
      ),
      provideAppInitializer(() => inject(SessionWatch).start()),
      // Not awaited: the app starts at once, and searches wait for the statement (or its failure).
      provideAppInitializer(() => inject(CapabilityService).load()),
    ],
  };
}
