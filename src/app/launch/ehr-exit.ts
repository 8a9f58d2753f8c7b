import { DOCUMENT, Injectable, inject } from '@angular/core';
import { PAGE_LOCATION } from '../session/page-location';
import { endEhrSession } from './ehr-session';
import { LaunchProblem, recordLaunchProblem } from './launch-problems';

/**
 * The ways out of an EHR session. Each leaving one is a full page load: the page that comes next belongs
 * to no EHR session (app.config.ts decides once per load), so its sign-in is Okta's.
 */
@Injectable({ providedIn: 'root' })
export class EhrExit {
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage;
  private readonly location = inject(PAGE_LOCATION);

  /** Forgets the EHR session, its tokens and transactions, in this tab. */
  forget(): void {
    if (this.storage) endEhrSession(this.storage);
  }

  /** Ends the EHR session, and says why on the launch-error page. */
  endWithProblem(problem: LaunchProblem): void {
    this.forget();
    this.showProblem(problem);
  }

  /**
   * Says why a launch could not start, leaving any session this tab has alone: a bad launch link must
   * not end a good session.
   */
  showProblem(problem: LaunchProblem): void {
    if (this.storage) recordLaunchProblem(this.storage, problem);
    this.location.replace('/launch/error');
  }

  toSignIn(): void {
    this.forget();
    this.location.replace('/login');
  }
}
