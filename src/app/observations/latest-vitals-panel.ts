import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { Observation } from '../fhir/fhir-types';
import { LoadState } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { latestVitals } from './latest-vitals';
import { toObservationRow } from './observation-row';

/** The newest reading of each vital sign, flags in words, for the top of a chart or its observations. */
@Component({
  selector: 'app-latest-vitals-panel',
  imports: [LoadStateView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="latest-vitals" aria-labelledby="vitals-heading">
      <h2 id="vitals-heading">Latest vitals</h2>
      <app-load-state [state]="state()" what="latest vitals" (retry)="retry.emit()" />
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
        } @else {
          <p class="empty-state">No vital signs on record for this patient.</p>
        }
      }
      <ng-content />
    </section>
  `,
})
export class LatestVitalsPanel {
  readonly state = input.required<LoadState<readonly Observation[]>>();
  readonly retry = output();

  protected readonly shown = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? latestVitals(state.data.map(toObservationRow)) : undefined;
  });
}
