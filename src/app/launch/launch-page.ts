import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { EhrExit } from './ehr-exit';
import { matchLaunchIss } from './iss-match';
import { LaunchProblem, incompleteLaunch, refusedIss } from './launch-problems';
import { LaunchStarter } from './launch-starter';

/**
 * `/launch?iss=…&launch=…`: the EHR opens the app here (SMART App Launch). The `iss` is checked against
 * config.json before anything is sent anywhere; then the app leaves for the EHR's sign-in. Anything
 * that goes wrong ends on the launch-error page in words, never in another attempt.
 */
@Component({
  selector: 'app-launch-page',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="launch" aria-labelledby="launch-heading">
      <h1 id="launch-heading">Opening fhirokta</h1>
      <p role="status">{{ status() }}</p>
      <mat-progress-bar mode="indeterminate" aria-label="Opening fhirokta" />
    </section>
  `,
})
export class LaunchPage implements OnInit {
  private readonly ehrs = inject(RUNTIME_CONFIG).ehrs;
  private readonly route = inject(ActivatedRoute);
  private readonly starter = inject(LaunchStarter);
  private readonly exit = inject(EhrExit);

  protected readonly status = signal('Checking the launch…');

  async ngOnInit(): Promise<void> {
    const params = this.route.snapshot.queryParamMap;
    const [iss, ...moreIss] = params.getAll('iss');
    const [launch, ...moreLaunch] = params.getAll('launch');
    if (!iss) return this.fail(incompleteLaunch('iss'));
    if (moreIss.length > 0 || moreLaunch.length > 0) {
      return this.fail(
        refusedIss(
          'This app was opened with more than one iss or launch, so nothing was sent anywhere.',
        ),
      );
    }
    const match = matchLaunchIss(iss, this.ehrs);
    if (!match.ok) return this.fail(refusedIss(match.problem));
    if (!launch) return this.fail(incompleteLaunch('launch'));
    this.status.set(`Connecting to ${match.ehr.name}…`);
    const problem = await this.starter.start(match.ehr, { launch, iss });
    if (problem) this.fail(problem);
  }

  private fail(problem: LaunchProblem): void {
    this.exit.showProblem(problem);
  }
}
