import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';
import { EhrExit } from './ehr-exit';
import { EhrLanding } from './ehr-landing';
import { EhrTokenExchange } from './ehr-token-exchange';

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
  private readonly route = inject(ActivatedRoute);
  private readonly tokens = inject(EhrTokenExchange);
  private readonly exit = inject(EhrExit);
  private readonly landing = inject(EhrLanding);

  async ngOnInit(): Promise<void> {
    const problem = await this.tokens.exchange(this.route.snapshot.queryParamMap);
    if (problem) return this.exit.endWithProblem(problem);
    await this.landing.open();
  }
}
