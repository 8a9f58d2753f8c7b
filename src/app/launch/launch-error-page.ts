import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { recordedLaunchProblem } from './launch-problems';

/**
 * `/launch/error`: why a launch or an EHR session ended, and what to do. It starts nothing by itself;
 * its one link is a full page load, so the sign-in page belongs to no EHR session.
 */
@Component({
  selector: 'app-launch-error-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="launch-problem" aria-labelledby="launch-problem-heading">
      <h1 id="launch-problem-heading">{{ problem.title }}</h1>
      <p class="launch-problem-detail" data-testid="launch-problem-detail">{{ problem.detail }}</p>
      <p class="launch-problem-advice">{{ problem.advice }}</p>
    </section>
    <p><a href="/login">Go to the fhirokta sign-in page</a></p>
  `,
})
export class LaunchErrorPage {
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage;
  protected readonly problem = (this.storage && recordedLaunchProblem(this.storage)) ?? {
    title: 'Nothing to report',
    detail: 'No launch has failed in this window.',
    advice: 'To use fhirokta, open it from your EHR or sign in.',
  };
}
