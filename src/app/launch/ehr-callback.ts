import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { SessionEndNotices } from '../session/session-end';
import { EhrExit } from './ehr-exit';
import { EhrSession } from './ehr-session';
import { authorizationRefused, openedFrom, tokenRefused } from './launch-problems';
import { LaunchSession } from './launch-session';
import { SmartStyle } from './smart-style';

/**
 * `/login/callback` when it answers an EHR's authorization request (app.routes.ts picks it by the
 * session): exchanges the code at the EHR, then opens the launch patient's chart (else the patient
 * list on the EHR's server). A refusal by the EHR or its token service ends on the launch-error page,
 * in words: the app never starts another sign-in by itself, so it cannot loop.
 */
@Component({
  selector: 'app-ehr-callback',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p role="status">Finishing sign-in…</p>
    <mat-progress-bar mode="indeterminate" aria-label="Finishing sign-in" />
  `,
})
export class EhrCallback implements OnInit {
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly router = inject(Router);
  private readonly exit = inject(EhrExit);
  private readonly route = inject(ActivatedRoute);
  private readonly launch = inject(LaunchSession);
  private readonly style = inject(SmartStyle);
  private readonly notices = inject(SessionEndNotices);
  private readonly session = inject(EHR_SESSION) as EhrSession;

  async ngOnInit(): Promise<void> {
    const params = this.route.snapshot.queryParamMap;
    const error = params.get('error');
    const opened = openedFrom(this.session);
    if (error !== null) {
      return this.exit.endWithProblem(
        authorizationRefused(opened, error, params.get('error_description'), this.session.scopes),
      );
    }
    try {
      const { tokens } = await this.oktaAuth.token.parseFromUrl();
      this.oktaAuth.tokenManager.setTokens(tokens);
    } catch (failure) {
      return this.exit.endWithProblem(tokenRefused(opened, failure));
    }
    this.notices.clear();
    this.style.apply();
    const patient = this.launch.context()?.patient;
    await this.router.navigate(patient ? ['/patients', patient] : ['/patients'], {
      replaceUrl: true,
    });
  }
}
