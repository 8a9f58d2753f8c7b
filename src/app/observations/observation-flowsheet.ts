import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AccessContext } from '../auth/access-context';
import { nothingShownNote } from '../fhir/patient-compartment';
import { createLoader } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { SearchNotices } from '../shared/search-notices';
import { EnteredInErrorToggle } from './entered-in-error-toggle';
import { TrendTarget, buildFlowsheet } from './flowsheet-grid';
import { columnLabel } from './flowsheet-columns';
import { FLOWSHEET_MAX_PAGES, FLOWSHEET_PAGE_SIZE } from './flowsheet-window';
import { ObservationFilters } from './observation-filters';
import { OBSERVATIONS_NOT_PERMITTED } from './observation-words';
import { ObservationService } from './observation.service';

/**
 * Vitals and labs as a flowsheet: a row per measurement, a column per day (per hour where a day holds
 * many readings), newest first, paged by date window. The grid is built by buildFlowsheet; this binds it.
 */
@Component({
  selector: 'app-observation-flowsheet',
  imports: [MatButtonModule, EnteredInErrorToggle, LoadStateView, SearchNotices],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './observation-flowsheet.html',
  styleUrl: './observation-flowsheet.scss',
})
export class ObservationFlowsheet {
  readonly patientId = input.required<string>();
  readonly filters = input.required<ObservationFilters>();
  readonly showEnteredInError = model.required<boolean>();
  /** The `through` of the window asked for: '' for the newest. */
  readonly windowChange = output<string>();
  readonly showTrend = output<TrendTarget>();

  private readonly observations = inject(ObservationService);

  protected readonly window = createLoader({
    params: () => ({ id: this.patientId(), filters: this.filters() }),
    request: ({ id, filters }) => this.observations.flowsheetWindow(id, filters),
    permitted: inject(AccessContext).mayRead('Observation'),
  });

  protected readonly sheet = computed(() => {
    const current = this.window.data();
    return (
      current &&
      buildFlowsheet(current.observations, current.columns, current.unit, this.showEnteredInError())
    );
  });

  /** "Jun 2, 2023 back to May 1, 2023": the window in words, for the caption. */
  protected readonly span = computed(() => {
    const columns = this.sheet()?.columns ?? [];
    const newest = columns.at(0)?.label;
    const oldest = columns.at(-1)?.label;
    return newest === oldest ? (newest ?? '') : `${newest} back to ${oldest}`;
  });

  protected readonly throughLabel = computed(() => columnLabel(this.filters().through));
  /** "days" or "hours": what the columns, and Older/Newer, move by. */
  protected readonly unitWords = computed(() =>
    this.window.data()?.unit === 'hour' ? 'hours' : 'days',
  );
  /** Said instead of "none match" when every reading the server sent was not the patient's. */
  protected readonly nothingShown = nothingShownNote;
  protected readonly readsAtMost = `${FLOWSHEET_MAX_PAGES} pages of ${FLOWSHEET_PAGE_SIZE}`;
  protected readonly notPermitted = OBSERVATIONS_NOT_PERMITTED;
}
