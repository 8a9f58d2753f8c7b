import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { FhirError } from '../fhir/fhir-error';
import { EHR_SESSION } from '../fhir/fhir-session';
import { EhrExit } from '../launch/ehr-exit';
import { SessionEndNotices, returnPathOf } from '../session/session-end';

/**
 * A failed load: the server's words, what to do, and a Retry button (or Sign in again on 401). Something
 * the server does not have will not appear on a retry, so a 404 offers none. A session the EHR launched
 * offers no sign-in here: only the EHR can open another, and the advice says so.
 */
@Component({
  selector: 'app-error-panel',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="error-panel" role="alert">
      <h2 class="error-title">{{ title() }}</h2>
      <p class="error-detail">{{ error().detail }}</p>
      <p class="error-advice">{{ error().advice }}</p>
      @if (sessionEnded()) {
        <button mat-flat-button type="button" (click)="signInAgain()">Sign in again</button>
      }
      @if (retryable()) {
        <button mat-stroked-button type="button" (click)="retry.emit()">Retry</button>
      }
    </div>
  `,
})
export class ErrorPanel {
  readonly error = input.required<FhirError>();
  readonly title = input('Something went wrong');
  readonly retry = output();

  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly router = inject(Router);
  private readonly notices = inject(SessionEndNotices);
  private readonly ehr = inject(EHR_SESSION);
  private readonly ehrExit = inject(EhrExit);
  protected readonly sessionEnded = computed(
    () => this.error().kind === 'unauthorized' && this.ehr?.launch === undefined,
  );
  protected readonly retryable = computed(
    () => this.error().kind !== 'not-found' && this.error().kind !== 'unsupported',
  );

  /** Says on the login page why the session ended, and comes back to this page after signing in. */
  protected async signInAgain(): Promise<void> {
    if (this.ehr) return this.ehrExit.toSignIn();
    const returnPath = returnPathOf(this.router.url);
    this.notices.record({
      reason: this.notices.lastRenewalFailure ?? 'renewal-failed',
      returnPath,
    });
    this.oktaAuth.setOriginalUri(returnPath);
    this.oktaAuth.tokenManager.clear();
    await this.router.navigate(['/login']);
  }
}
