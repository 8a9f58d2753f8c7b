import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { map } from 'rxjs';
import { formatNumber } from '../fhir/format-datatypes';
import { nothingShownNote, notThePatientsNotice } from '../fhir/patient-compartment';
import { ChoiceToggle } from '../shared/choice-toggle';
import { createLoader } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { SearchNotices } from '../shared/search-notices';
import { describeCoverage, readingCount } from './trend-coverage';
import { TrendChoice, TrendReader } from './trend-reader';
import { reduceForDisplay } from './trend-reduce';
import { ChartGeometry, TrendPoint, chartScales, trendSeries } from './trend-series';
import { TREND_SPANS, TrendSpan } from './trend-span';

const GEOMETRY: ChartGeometry = { width: 640, height: 240, padding: 32 };

/**
 * A hand-written SVG line chart (no charting library is installed, and one chart type does not
 * justify one). Loaded only when a trend is asked for (@defer). It opens on the span that suits the
 * history (see TrendReader), offers the others, and says what it shows; the data table is the
 * screen-reader alternative and lists every reading read.
 */
@Component({
  selector: 'app-trend-chart',
  imports: [MatButtonModule, ChoiceToggle, LoadStateView, SearchNotices],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trend-chart.html',
  styleUrl: './trend-chart.scss',
})
export class TrendChart {
  readonly patientId = input.required<string>();
  readonly loinc = input.required<string>();
  readonly title = input.required<string>();
  readonly closed = output();

  private readonly reader = inject(TrendReader);
  protected readonly geometry = GEOMETRY;
  protected readonly spans = TREND_SPANS;

  /** The span chosen here; back to the default whenever the measurement or patient changes. */
  private readonly choice = linkedSignal<
    { patientId: string; loinc: string },
    TrendChoice | undefined
  >({
    source: () => ({ patientId: this.patientId(), loinc: this.loinc() }),
    computation: () => undefined,
  });
  /** Rows of the data table are made only once it is opened: a span can hold 2,000 readings. */
  protected readonly tableOpen = signal(false);

  protected readonly history = createLoader({
    params: () => ({ patientId: this.patientId(), loinc: this.loinc(), choice: this.choice() }),
    request: ({ patientId, loinc, choice }) =>
      this.reader
        .read(patientId, loinc, choice)
        .pipe(map((read) => ({ read, series: trendSeries(read.observations) }))),
  });
  protected readonly trend = this.history.data;
  protected readonly series = computed(() => this.trend()?.series);

  protected readonly coverage = computed(() => {
    const trend = this.trend();
    if (!trend) return undefined;
    const { points } = trend.series;
    const times = points.length
      ? { oldest: points[0].time, newest: points[points.length - 1].time }
      : undefined;
    return describeCoverage(trend.read, points.length, this.drawn(), times);
  });

  /** The server's notes, and what was left out as not naming the patient. */
  protected readonly notices = computed(() => {
    const read = this.trend()?.read;
    return read ? [...read.notices, ...notThePatientsNotice(read.notThePatients)] : [];
  });

  /** "None to chart" is said of the patient's own readings only: with none of theirs, it is unknown. */
  protected readonly emptyNote = computed(() => {
    const read = this.trend()?.read;
    return read && read.observations.length === 0 && read.notThePatients > 0
      ? nothingShownNote(read.notThePatients)
      : 'No numeric values to chart.';
  });

  private readonly drawn = computed(() => reduceForDisplay(this.series()?.points ?? []));

  protected readonly chart = computed(() => {
    const series = this.series();
    const { points } = this.drawn();
    if (!series || points.length === 0) return undefined;
    const { x, y, minValue, maxValue } = chartScales(series, GEOMETRY);
    const line = (pick: (p: TrendPoint) => number | undefined) =>
      points
        .filter((p) => pick(p) !== undefined)
        .map((p) => `${x(p.time).toFixed(1)},${y(pick(p) as number).toFixed(1)}`)
        .join(' ');
    const band =
      series.rangeLow !== undefined || series.rangeHigh !== undefined
        ? {
            top: y(series.rangeHigh ?? maxValue),
            bottom: y(series.rangeLow ?? minValue),
          }
        : undefined;
    return {
      firstLine: line((p) => p.value),
      secondLine: series.twoSeries ? line((p) => p.secondValue) : '',
      dots: points.map((p) => ({
        cx: x(p.time),
        cy: y(p.value),
        label: `${p.date}: ${p.text}`,
        hasComparator: p.hasComparator,
      })),
      anyComparator: points.some((p) => p.hasComparator),
      band,
      yTop: formatNumber(Number(maxValue.toPrecision(3))),
      yBottom: formatNumber(Number(minValue.toPrecision(3))),
      firstDate: series.points[0].date,
      lastDate: series.points[series.points.length - 1].date,
    };
  });

  protected readonly summary = computed(() => {
    const trend = this.trend();
    const last = trend?.series.points.at(-1);
    if (!trend || !last) return '';
    const unit = trend.series.unit ? ` ${trend.series.unit}` : '';
    return `${this.title()}: ${readingCount(trend.read)}, latest ${last.text}${unit} on ${last.date}`;
  });

  /** Where spans end, kept while a chosen span loads so the choices stay in place. */
  protected readonly latest = computed(() => this.choice()?.latest ?? this.trend()?.read.latest);
  protected readonly span = computed(() => this.choice()?.span ?? this.trend()?.read.span);

  protected chooseSpan(span: TrendSpan): void {
    const latest = this.latest();
    if (latest !== undefined) this.choice.set({ span, latest });
  }
}
