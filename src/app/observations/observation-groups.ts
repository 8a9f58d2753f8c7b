import { CATEGORY_LABELS, CategoryKey, ObservationRow } from './observation-row';

export interface ObservationGroup {
  readonly category: CategoryKey;
  readonly label: string;
  readonly rows: ObservationRow[];
}

/** Categories in the order clinicians read them. */
export const CATEGORY_ORDER: readonly CategoryKey[] = [
  'vital-signs',
  'laboratory',
  'social-history',
  'survey',
  'other',
];

/** Rows grouped by category in a fixed clinical order, newest first within each group. */
export function groupByCategory(rows: readonly ObservationRow[]): ObservationGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    rows: rows.filter((row) => row.category === category).sort((a, b) => b.time - a.time),
  })).filter((group) => group.rows.length > 0);
}

/** Hides entered-in-error rows unless asked: they are not data a clinician should act on. */
export function visibleRows(
  rows: readonly ObservationRow[],
  showEnteredInError: boolean,
): ObservationRow[] {
  return rows.filter((row) => showEnteredInError || row.status !== 'entered-in-error');
}
