import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { map } from 'rxjs';
import { formatNumber } from '../fhir/format-datatypes';
import { createLoader } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { SearchNotices } from '../shared/search-notices';
import { ObservationService } from './observation.service';
import { ChartGeometry, TrendPoint, chartScales, trendSeries } from './trend-series';

const GEOMETRY: ChartGeometry = { width: 640, height: 240, padding: 32 };

/**
 * A hand-written SVG line chart (no charting library is installed, and one chart type does not
 * justify one). Loaded only when a trend is asked for (@defer). The data table is the
 * screen-reader alternative.
 */
@Component({
  selector: 'app-trend-chart',
  imports: [MatButtonModule, LoadStateView, SearchNotices],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trend-chart.html',
  styleUrl: './trend-chart.scss',
})
export class TrendChart {
  readonly patientId = input.required<string>();
  readonly loinc = input.required<string>();
  readonly title = input.required<string>();
  readonly closed = output();

  private readonly observations = inject(ObservationService);
  protected readonly geometry = GEOMETRY;

  protected readonly history = createLoader({
    params: () => ({ patientId: this.patientId(), loinc: this.loinc() }),
    request: ({ patientId, loinc }) =>
      this.observations
        .history(patientId, loinc)
        .pipe(map((page) => ({ series: trendSeries(page.resources), notices: page.notices }))),
  });
  protected readonly series = computed(() => this.history.data()?.series);

  protected readonly chart = computed(() => {
    const series = this.series();
    if (!series || series.points.length === 0) return undefined;
    const { x, y, minValue, maxValue } = chartScales(series, GEOMETRY);
    const line = (pick: (p: TrendPoint) => number | undefined) =>
      series.points
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
      dots: series.points.map((p) => ({
        cx: x(p.time),
        cy: y(p.value),
        label: `${p.date}: ${p.text}`,
        hasComparator: p.hasComparator,
      })),
      anyComparator: series.points.some((p) => p.hasComparator),
      band,
      yTop: formatNumber(Number(maxValue.toPrecision(3))),
      yBottom: formatNumber(Number(minValue.toPrecision(3))),
      firstDate: series.points[0].date,
      lastDate: series.points[series.points.length - 1].date,
    };
  });

  protected readonly summary = computed(() => {
    const series = this.series();
    if (!series || series.points.length === 0) return '';
    const last = series.points[series.points.length - 1];
    const count = series.points.length === 1 ? '1 value' : `${series.points.length} values`;
    const unit = series.unit ? ` ${series.unit}` : '';
    return `${this.title()}: ${count}, latest ${last.text}${unit} on ${last.date}`;
  });
}
