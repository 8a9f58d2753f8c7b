import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  TemplateRef,
  computed,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { BundlePager, PageLinks, PageTurn } from '../shared/bundle-pager';
import { LoadState } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { SearchNotices } from '../shared/search-notices';
import { AttachmentPanel } from './attachment-panel';
import { ChartRow, visibleChartRows } from './chart-row';

/** Numbers the sections' headings: the same list can appear twice (in two open encounters). */
let sectionCount = 0;

/**
 * One section of the chart, whatever it lists: its own loading, error (Retry) and not-permitted states,
 * statuses in words, an "Active only" filter where the type has a lifecycle, entered-in-error behind a
 * toggle, the server's notes and its paging links. "None" is said only once the list has loaded.
 */
@Component({
  selector: 'app-chart-section',
  imports: [
    MatButtonToggleModule,
    MatCheckboxModule,
    NgTemplateOutlet,
    AttachmentPanel,
    BundlePager,
    LoadStateView,
    SearchNotices,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chart-section.html',
  styleUrl: './chart-section.scss',
})
export class ChartSection {
  readonly heading = input.required<string>();
  /** 2 for a chart section, 3 for a list inside one (an encounter's record). */
  readonly level = input<2 | 3>(2);
  /** What the section lists, as it reads after "Loading": "problems", "medications". */
  readonly what = input.required<string>();
  readonly state = input.required<LoadState<unknown>>();
  readonly rows = input<readonly ChartRow[]>();
  /** Said when the loaded list is empty: "No problems recorded." */
  readonly empty = input.required<string>();
  /** Whether "Active only" means something for this type (problems do; encounters do not). */
  readonly filterable = input(false);
  readonly notices = input<readonly string[]>([]);
  readonly links = input<PageLinks>();
  readonly page = input(1);
  /** Extra content under a row (the encounter timeline's "What was recorded"). */
  readonly rowExtra = input<TemplateRef<{ $implicit: ChartRow }>>();
  readonly retry = output();
  readonly turn = output<PageTurn>();

  protected readonly activeOnly = signal(true);
  protected readonly showEnteredInError = signal(false);
  protected readonly headingId = `chart-section-${++sectionCount}`;

  protected readonly visible = computed(() =>
    visibleChartRows(this.rows() ?? [], {
      activeOnly: this.filterable() && this.activeOnly(),
      showEnteredInError: this.showEnteredInError(),
    }),
  );
}
