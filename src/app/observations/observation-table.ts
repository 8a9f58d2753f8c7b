import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ObservationGroup } from './observation-groups';
import { ObservationRow } from './observation-row';

/**
 * One "Observations" table with a row group per category (Vital signs, Laboratory, ...), so
 * screen readers announce the category and the table keeps one accessible name.
 */
@Component({
  selector: 'app-observation-table',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './observation-table.html',
})
export class ObservationTable {
  readonly groups = input.required<ObservationGroup[]>();
  readonly showTrend = output<ObservationRow>();
}
