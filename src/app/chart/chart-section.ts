import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  TemplateRef,
  computed,
  input,
  signal,
} from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { nothingShownNote } from '../fhir/patient-compartment';
import { Choice, ChoiceToggle } from '../shared/choice-toggle';
import { BundlePager } from '../shared/bundle-pager';
import { FactList } from '../shared/fact-list';
import { LoadStateView } from '../shared/load-state-view';
import { SearchNotices } from '../shared/search-notices';
import { AttachmentPanel } from './attachment-panel';
import { OpenList } from './chart-queries';
import { ChartRow, visibleChartRows } from './chart-row';

/** Numbers the sections' headings: the same list can appear twice (in two open encounters). */
let sectionCount = 0;

/** A filterable section shows its active entries, or all of them. */
const ACTIVE_OR_ALL: readonly Choice<'active' | 'all'>[] = [
  { key: 'active', label: 'Active only' },
  { key: 'all', label: 'All' },
];

/**
 * One section of the chart, whatever it lists: its own loading, error (Retry) and not-permitted states,
 * statuses in words, an "Active only" filter where the type has a lifecycle, entered-in-error behind a
 * toggle, the server's notes and its paging links. "None" is said only once the list has loaded, and
 * never when the server's entries were all left out as not the patient's.
 * Content inside it (a section's other lists) follows the section's own list.
 */
@Component({
  selector: 'app-chart-section',
  imports: [
    MatCheckboxModule,
    NgTemplateOutlet,
    AttachmentPanel,
    BundlePager,
    ChoiceToggle,
    FactList,
    LoadStateView,
    SearchNotices,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chart-section.html',
  styleUrl: './chart-section.scss',
})
export class ChartSection {
  readonly list = input.required<OpenList>();
  /** 2 for a chart section, 3 for a list inside one (an encounter's record, a section's other list). */
  readonly level = input<2 | 3>(2);
  /** Whether the server's paging links are offered: an encounter's record shows its first page. */
  readonly paged = input(true);
  /** Extra content under a row (the encounter timeline's "What was recorded"). */
  readonly rowExtra = input<TemplateRef<{ $implicit: ChartRow }>>();

  protected readonly activeOnly = signal(true);
  protected readonly activeOrAll = ACTIVE_OR_ALL;
  protected readonly showEnteredInError = signal(false);
  protected readonly headingId = `chart-section-${++sectionCount}`;

  protected readonly spec = computed(() => this.list().spec);
  protected readonly state = computed(() => this.list().loader.state());
  protected readonly rows = computed(() => this.list().rows());
  protected readonly notices = computed(() => this.list().loader.data()?.notices ?? []);
  protected readonly links = computed(() => (this.paged() ? this.list().loader.data() : undefined));

  /**
   * What a loaded first page with no rows says: "none" only when the server sent nothing; when every
   * entry was left out as not the patient's, that nothing could be shown, since the truth is unknown.
   */
  protected readonly emptyNote = computed(() => {
    const others = this.list().loader.data()?.notThePatients ?? 0;
    return others > 0 ? nothingShownNote(others) : this.spec().empty;
  });

  protected readonly visible = computed(() =>
    visibleChartRows(this.rows() ?? [], {
      activeOnly: (this.spec().filterable ?? false) && this.activeOnly(),
      showEnteredInError: this.showEnteredInError(),
    }),
  );
}
