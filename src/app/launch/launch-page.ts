import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute } from '@angular/router';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { EhrExit } from './ehr-exit';
import { matchLaunchIss } from './iss-match';
import { LaunchProblem, incompleteLaunch, refusedIss } from './launch-problems';
import { LaunchStarter } from './launch-starter';
import { PAGE_STORAGE_LASTS } from './page-storage';

/**
 * `/launch?iss=…&launch=…`: the EHR opens the app here (SMART App Launch). The `iss` is checked against
 * config.json before anything is sent anywhere; then the app leaves for the EHR's sign-in. Anything
 * that goes wrong ends on the launch-error page in words, never in another attempt.
 *
 * Inside the EHR's page, a browser that blocks third-party cookies keeps no storage for the app, so the
 * sign-in could not come back to it: the app offers to open the same launch in a window of its own,
 * where it can (the launch is not used until then).
 */
@Component({
  selector: 'app-launch-page',
  imports: [MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './launch-page.html',
})
export class LaunchPage implements OnInit {
  private readonly ehrs = inject(RUNTIME_CONFIG).ehrs;
  private readonly route = inject(ActivatedRoute);
  private readonly starter = inject(LaunchStarter);
  private readonly exit = inject(EhrExit);
  private readonly storageLasts = inject(PAGE_STORAGE_LASTS);
  private readonly document = inject(DOCUMENT);

  protected readonly status = signal('Checking the launch…');
  /** The EHR's name, when this page must send the launch to a window of its own. */
  protected readonly ownWindowFor = signal<string | undefined>(undefined);
  protected readonly openedOwnWindow = signal(false);

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
    if (!this.storageLasts) return this.ownWindowFor.set(match.ehr.name);
    this.status.set(`Connecting to ${match.ehr.name}…`);
    const problem = await this.starter.start(match.ehr, { launch, iss });
    if (problem) this.fail(problem);
  }

  /** The same launch, in a top-level window of the app's own: nothing of this page goes with it. */
  protected openOwnWindow(): void {
    this.document.defaultView?.open(this.document.location.href, '_blank', 'noopener');
    this.openedOwnWindow.set(true);
  }

  private fail(problem: LaunchProblem): void {
    this.exit.showProblem(problem);
  }
}
