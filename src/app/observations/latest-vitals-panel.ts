import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { LoadState } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { SearchNotices } from '../shared/search-notices';
import { latestVitals } from './latest-vitals';
import { toObservationRow } from './observation-row';
import { ObservationPage } from './observation.service';

/** The newest reading of each vital sign, flags in words, for the top of a chart or its observations. */
@Component({
  selector: 'app-latest-vitals-panel',
  imports: [LoadStateView, SearchNotices],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="latest-vitals" aria-labelledby="vitals-heading">
      <h2 id="vitals-heading">Latest vitals</h2>
      <app-load-state [state]="state()" what="latest vitals" (retry)="retry.emit()" />
      <app-search-notices [notices]="loaded()?.notices ?? []" />
      @if (shown(); as vitals) {
        @if (vitals.length > 0) {
          <ul class="vitals-list">
            @for (vital of vitals; track vital.label) {
              <li class="vital-card">
                <span class="vital-label">{{ vital.label }}</span>
                <span class="vital-value">{{ vital.row.value }}</span>
                @for (flag of vital.row.flags; track $index) {
                  <span class="flag" [attr.data-severity]="flag.severity">{{ flag.label }}</span>
                }
                <span class="vital-date">{{ vital.row.date }}</span>
              </li>
            }
          </ul>
        } @else if (loaded()?.notThePatients === 0) {
          <!-- Never "none" over an answer that held another patient's entries: the note says why. -->
          <p class="empty-state">No vital signs on record for this patient.</p>
        }
      }
      <ng-content />
    </section>
  `,
})
export class LatestVitalsPanel {
  readonly state =
    input.required<LoadState<Pick<ObservationPage, 'resources' | 'notices' | 'notThePatients'>>>();
  readonly retry = output();

  protected readonly loaded = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.data : undefined;
  });
  protected readonly shown = computed(() => {
    const page = this.loaded();
    return page && latestVitals(page.resources.map(toObservationRow));
  });
}
