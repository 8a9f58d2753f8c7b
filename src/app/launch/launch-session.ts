import { DOCUMENT, Injectable, inject } from '@angular/core';
import { EHR_SESSION } from '../fhir/fhir-session';
import { decodeJwt } from '../auth/token-checks';
import { loadEhrSession, saveLaunchContext } from './ehr-session';
import { LaunchContext, readLaunchContext } from './launch-context';

/**
 * Keeps the launch context of a token response with the session: okta-auth-js keeps only the tokens.
 * The patient falls back to the access token's claims when the response names none.
 */
export function keepLaunchContext(storage: Storage, response: Record<string, unknown>): void {
  const token = response['access_token'];
  const claims = typeof token === 'string' ? decodeJwt(token)?.claims : undefined;
  saveLaunchContext(storage, readLaunchContext(response, claims));
}

/** The EHR session's launch context, for the pages it shapes; nothing in an Okta session. */
@Injectable({ providedIn: 'root' })
export class LaunchSession {
  private readonly session = inject(EHR_SESSION);
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage;

  /** The EHR of this session, if it is an EHR session. */
  readonly ehr = this.session?.ehr;

  /** Read afresh: it arrives at the callback, after the app started. */
  context(): LaunchContext | undefined {
    if (!this.session || !this.storage) return undefined;
    return loadEhrSession(this.storage, [this.session.ehr])?.context;
  }

  /**
   * Whether the app shows its own banner for this patient: always, unless the EHR said it shows one
   * (`need_patient_banner: false`), and then only for the patient it launched with. Any other patient
   * the user opens gets the app's banner: the EHR's names someone else.
   */
  showsBannerFor(patientId: string): boolean {
    const context = this.context();
    return !(context && !context.needPatientBanner && context.patient === patientId);
  }
}
