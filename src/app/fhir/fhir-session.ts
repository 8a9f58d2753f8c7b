import { InjectionToken, inject } from '@angular/core';
import { RuntimeConfig } from '../config/runtime-config';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import type { EhrSession } from '../launch/ehr-session';

/**
 * The one FHIR server of this session: the configured `fhir.baseUrl` after an Okta sign-in, or the
 * launching EHR's `iss`. The access token goes to this base and nowhere else, and every read (the
 * patient list, the chart, observations, paging links) is made against it. Decided once as the app
 * starts (app.config.ts): a page load belongs to one session.
 */
export interface FhirSession {
  readonly baseUrl: string;
  /** The configured base's opt-in public API key (`fhir.apiKey`); never sent to an EHR. */
  readonly apiKey?: string;
  /** Whether tokens are DPoP-bound (`okta.dpop`); EHR sessions use Bearer tokens. */
  readonly dpop: boolean;
}

export function oktaFhirSession(config: RuntimeConfig): FhirSession {
  return {
    baseUrl: config.fhir.baseUrl,
    ...(config.fhir.apiKey ? { apiKey: config.fhir.apiKey } : {}),
    dpop: config.okta.dpop ?? false,
  };
}

export function ehrFhirSession(session: EhrSession): FhirSession {
  return { baseUrl: session.ehr.iss.replace(/\/$/, ''), dpop: false };
}

/** The EHR this page load's session belongs to; undefined in an Okta session (the default). */
export const EHR_SESSION = new InjectionToken<EhrSession | undefined>('EHR_SESSION', {
  providedIn: 'root',
  factory: () => undefined,
});

/** The session's FHIR server: the EHR's when there is an EHR session, else the configured one. */
export const FHIR_SESSION = new InjectionToken<FhirSession>('FHIR_SESSION', {
  providedIn: 'root',
  factory: () => {
    const ehr = inject(EHR_SESSION);
    return ehr ? ehrFhirSession(ehr) : oktaFhirSession(inject(RUNTIME_CONFIG));
  },
});
