import { Observation } from '../fhir/fhir-types';
import { FlowsheetCell, Reading, latestFirst, sharedUnit, toCell } from './flowsheet-cell';
import { ColumnUnit, columnDatetime, columnKey, columnLabel } from './flowsheet-columns';
import { VITAL_SIGNS } from './latest-vitals';
import { CATEGORY_ORDER, visibleRows } from './observation-groups';
import { CATEGORY_LABELS, CategoryKey, ObservationRow, toObservationRow } from './observation-row';

/**
 * The flowsheet as data: one row per measurement, one column per day or hour (newest first), grouped as
 * clinicians read them: vital signs in their clinical order, then lab panels, then the rest.
 */

/**
 * Lab tests by the panel they are usually ordered in, keyed on LOINC: our searches cannot ask for the
 * DiagnosticReports that would name the actual panel, so this groups by what the tests are.
 */
const LAB_PANELS: readonly { readonly label: string; readonly loinc: readonly string[] }[] = [
  {
    label: 'Metabolic panel',
    loinc: [
      '2345-7',
      '2339-0',
      '6299-2',
      '2160-0',
      '2951-2',
      '2823-3',
      '2075-0',
      '2028-9',
      '17861-6',
    ],
  },
  { label: 'Hemoglobin A1c', loinc: ['4548-4'] },
  { label: 'Lipid panel', loinc: ['2093-3', '2085-9', '13457-7', '18262-6', '2571-8'] },
  {
    label: 'Complete blood count',
    loinc: ['6690-2', '789-8', '718-7', '4544-3', '787-2', '785-6', '786-4', '777-3'],
  },
];

export interface FlowsheetColumn {
  /** The day or hour in the browser's time zone (see columnKey). */
  readonly key: string;
  readonly label: string;
  /** The column's start as an HTML datetime value. */
  readonly datetime: string;
}

/** A measurement the trend chart can plot: its LOINC code and the name it goes by. */
export interface TrendTarget {
  readonly loinc: string;
  readonly title: string;
}

export interface FlowsheetRow {
  readonly key: string;
  readonly name: string;
  /** The unit every value in the row shares, shown once in the row header; '' when they differ. */
  readonly unit: string;
  /** One per column, undefined where nothing was recorded then. */
  readonly cells: (FlowsheetCell | undefined)[];
  /** What the trend chart plots for this row, when it has numbers to plot. */
  readonly trend: TrendTarget | undefined;
}

export interface FlowsheetGroup {
  readonly key: string;
  readonly label: string;
  readonly rows: FlowsheetRow[];
}

export interface Flowsheet {
  readonly columns: FlowsheetColumn[];
  readonly groups: FlowsheetGroup[];
  /** Entered-in-error observations, shown or not: what the toggle offers. */
  readonly enteredInErrorCount: number;
  /** Observations without a date: they have no column, and only the list shows them. */
  readonly undatedCount: number;
}

/** Where a measurement sits: its group, its place in the group, and its name. */
interface Placement {
  readonly groupKey: string;
  readonly groupLabel: string;
  readonly groupOrder: number;
  readonly rowKey: string;
  readonly rowName: string;
  readonly rowOrder: number;
}

// Each category has this many places for its groups: lab panels sit inside "laboratory".
const GROUP_SLOTS = 100;
const groupOrder = (category: CategoryKey) => CATEGORY_ORDER.indexOf(category) * GROUP_SLOTS;

/** A category's own group; in "laboratory" it holds the tests of no known panel, after the panels. */
function categoryGroup(category: CategoryKey): Omit<Placement, 'rowKey' | 'rowName' | 'rowOrder'> {
  return category === 'laboratory'
    ? {
        groupKey: category,
        groupLabel: `${CATEGORY_LABELS.laboratory}: other tests`,
        groupOrder: groupOrder(category) + LAB_PANELS.length,
      }
    : {
        groupKey: category,
        groupLabel: CATEGORY_LABELS[category],
        groupOrder: groupOrder(category),
      };
}

function placement(row: ObservationRow): Placement {
  const matches = (loinc: readonly string[]) => row.loinc.some((code) => loinc.includes(code));
  // The code decides what a vital sign is: some servers leave out the category.
  const vital = VITAL_SIGNS.findIndex((v) => matches(v.loinc));
  if (vital >= 0) {
    const { label } = VITAL_SIGNS[vital];
    return {
      ...categoryGroup('vital-signs'),
      rowKey: `vital:${label}`,
      rowName: label,
      rowOrder: vital,
    };
  }
  const byCode = { rowKey: row.loinc[0] ?? `text:${row.code}`, rowName: row.code };
  const panel = row.category === 'laboratory' ? LAB_PANELS.findIndex((p) => matches(p.loinc)) : -1;
  if (panel >= 0) {
    const { label, loinc } = LAB_PANELS[panel];
    return {
      groupKey: `panel:${label}`,
      groupLabel: `${CATEGORY_LABELS.laboratory}: ${label}`,
      groupOrder: groupOrder('laboratory') + panel,
      ...byCode,
      rowOrder: loinc.findIndex((code) => row.loinc.includes(code)),
    };
  }
  // In name order; vital signs the summary does not list come after those it does.
  return { ...categoryGroup(row.category), ...byCode, rowOrder: VITAL_SIGNS.length };
}

function toRow(readings: Reading[], columns: readonly string[], place: Placement): FlowsheetRow {
  const byColumn = columns.map((key) => readings.filter((r) => r.key === key).sort(latestFirst));
  const shown = byColumn.flatMap((inColumn) => inColumn.slice(0, 1));
  const unit = sharedUnit(shown);
  const plotted = shown.find((r) => r.row.numeric && r.row.loinc.length > 0);
  return {
    key: place.rowKey,
    name: place.rowName,
    unit,
    cells: byColumn.map((inColumn) => (inColumn.length ? toCell(inColumn, unit) : undefined)),
    trend: plotted && { loinc: plotted.row.loinc[0], title: place.rowName },
  };
}

/**
 * The grid for one window: `columns` are the window's days or hours (see columnKey), newest first.
 * Entered-in-error observations are left out unless asked for; a column left with nothing to show
 * is not shown.
 */
export function buildFlowsheet(
  observations: readonly Observation[],
  columns: readonly string[],
  unit: ColumnUnit,
  showEnteredInError: boolean,
): Flowsheet {
  const all = observations.map((observation) => ({
    observation,
    row: toObservationRow(observation),
  }));
  const rows = all.map((a) => a.row);
  const visible = new Set(visibleRows(rows, showEnteredInError));
  const readings: Reading[] = all
    .filter((a) => visible.has(a.row))
    .map((a) => ({ ...a, key: columnKey(a.row.time, unit) }));
  const dated = readings.filter((r) => columns.includes(r.key));
  const shownColumns = columns.filter((key) => dated.some((r) => r.key === key));

  const placed = new Map<string, { place: Placement; readings: Reading[] }>();
  for (const reading of dated) {
    const place = placement(reading.row);
    const entry = placed.get(place.rowKey) ?? { place, readings: [] };
    entry.readings.push(reading);
    placed.set(place.rowKey, entry);
  }
  const entries = [...placed.values()].sort(
    (a, b) =>
      a.place.groupOrder - b.place.groupOrder ||
      a.place.rowOrder - b.place.rowOrder ||
      a.place.rowName.localeCompare(b.place.rowName),
  );
  const groups: FlowsheetGroup[] = [];
  for (const { place, readings: rowReadings } of entries) {
    const row = toRow(rowReadings, shownColumns, place);
    const last = groups.at(-1);
    if (last?.key === place.groupKey) last.rows.push(row);
    else groups.push({ key: place.groupKey, label: place.groupLabel, rows: [row] });
  }
  return {
    columns: shownColumns.map((key) => ({
      key,
      label: columnLabel(key),
      datetime: columnDatetime(key),
    })),
    groups,
    enteredInErrorCount: all.length - visibleRows(rows, false).length,
    undatedCount: readings.filter((r) => r.key === '').length,
  };
}
