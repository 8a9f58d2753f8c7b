import { Injectable, inject } from '@angular/core';
import { ParamMap } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { SessionEndNotices } from '../session/session-end';
import { EhrSession } from './ehr-session';
import { LaunchProblem, authorizationRefused, openedFrom, tokenRefused } from './launch-problems';

/**
 * The EHR's answer to the authorization request, on the callback URL: an error, or a code that is
 * exchanged at the EHR's token endpoint for the session's tokens.
 */
@Injectable({ providedIn: 'root' })
export class EhrTokenExchange {
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly session = inject(EHR_SESSION) as EhrSession;
  private readonly notices = inject(SessionEndNotices);

  /** Keeps the tokens; a refusal by the EHR or its token service comes back in words instead. */
  async exchange(params: ParamMap): Promise<LaunchProblem | undefined> {
    const error = params.get('error');
    const opened = openedFrom(this.session);
    if (error !== null) {
      return authorizationRefused(
        opened,
        error,
        params.get('error_description'),
        this.session.scopes,
      );
    }
    try {
      const { tokens } = await this.oktaAuth.token.parseFromUrl();
      this.oktaAuth.tokenManager.setTokens(tokens);
    } catch (failure) {
      return tokenRefused(opened, failure);
    }
    // Signed in again: the notice of how the last session ended has done its work.
    this.notices.clear();
    return undefined;
  }
}
