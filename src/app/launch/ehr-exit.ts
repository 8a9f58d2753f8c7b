import { DOCUMENT, Injectable, inject } from '@angular/core';
import { PAGE_LOCATION } from '../session/page-location';
import { endEhrSession } from './ehr-session';
import { LaunchProblem, recordLaunchProblem } from './launch-problems';

/**
 * The ways out of an EHR session. Each leaving one is a full page load: the page that comes next belongs
 * to no EHR session (app.config.ts decides once per load), so its sign-in is Okta's. The first way out
 * taken is the one the page takes: forgetting the tokens makes the guard ask for another (it finds the
 * session gone), which must not overtake a sign-out already leaving.
 */
@Injectable({ providedIn: 'root' })
export class EhrExit {
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage;
  private readonly location = inject(PAGE_LOCATION);
  private leaving = false;

  /** Forgets the EHR session, its tokens and transactions, in this tab, as the page leaves. */
  forget(): void {
    this.leaving = true;
    if (this.storage) endEhrSession(this.storage);
  }

  /** Ends the EHR session, and says why on the launch-error page. */
  endWithProblem(problem: LaunchProblem): void {
    if (this.leaving) return;
    this.forget();
    this.leave('/launch/error', problem);
  }

  /**
   * Says why a launch could not start, leaving any session this tab has alone: a bad launch link must
   * not end a good session.
   */
  showProblem(problem: LaunchProblem): void {
    if (this.leaving) return;
    this.leaving = true;
    this.leave('/launch/error', problem);
  }

  toSignIn(): void {
    if (this.leaving) return;
    this.forget();
    this.leave('/login');
  }

  private leave(path: string, problem?: LaunchProblem): void {
    if (problem && this.storage) recordLaunchProblem(this.storage, problem);
    this.location.replace(path);
  }
}
