import { ChartStatus } from '../fhir/chart-status';
import { Attachment, Resource } from '../fhir/fhir-types';
import { AttachmentView } from '../fhir/format-attachment';
import { DATE_NOT_RECORDED } from '../fhir/format-observation';
import { InterpretationFlag } from '../fhir/interpretation';

/** One fact under a row's title: "Severity" → "Moderate". */
export interface RowDetail {
  readonly term: string;
  readonly value: string;
}

/** A note's content as the chart may show it, with the attachment itself for a download. */
export interface RowAttachment {
  readonly view: AttachmentView;
  readonly source: Attachment;
}

/** A result line of a report: the observation's name, its value at clinical precision, its flags. */
export interface RowResult {
  readonly name: string;
  readonly value: string;
  /** The value exactly as sent, when it differs from the one shown. */
  readonly exact: string;
  readonly flags: readonly InterpretationFlag[];
}

/** One entry of a chart section, whatever its resource type: every section renders these the same way. */
export interface ChartRow {
  readonly id: string;
  readonly title: string;
  readonly status: ChartStatus;
  /** When, in words ("Onset 12 Mar 2019", "Given 4 Oct 2024"), or what says it is not recorded. */
  readonly when: string;
  /** For ordering newest first; NaN when undated (those go last). */
  readonly time: number;
  readonly details: readonly RowDetail[];
  /** Warnings in words beside the title: "High criticality", "Severe reaction". */
  readonly flags: readonly InterpretationFlag[];
  readonly results: readonly RowResult[];
  readonly attachments: readonly RowAttachment[];
}

/** A row of `resource`: its id (else its title), and no flags, results or attachments unless given. */
export const chartRow = (
  resource: Resource,
  fields: Omit<ChartRow, 'id' | 'flags' | 'results' | 'attachments'> &
    Partial<Pick<ChartRow, 'flags' | 'results' | 'attachments'>>,
): ChartRow => ({
  id: resource.id ?? fields.title,
  flags: [],
  results: [],
  attachments: [],
  ...fields,
});

/** The first recorded of several dates, for ordering; NaN when none is. */
export const timeOf = (...values: (string | undefined)[]): number => {
  const value = values.find((v) => v !== undefined && v !== '');
  return value === undefined ? NaN : Date.parse(value);
};

/** "Onset 12 Mar 2019", or the fallback when the date is not recorded. */
export const dated = (what: string, day: string, missing = DATE_NOT_RECORDED): string =>
  day ? `${what} ${day}` : missing;

/** A title that never reads as blank: the code's words, or what kind of entry it is. */
export const titled = (text: string, fallback: string): string => text || fallback;

/** Details with an empty value are left out, so a row never shows a term with nothing after it. */
export function details(...pairs: [term: string, value: string | undefined][]): RowDetail[] {
  return pairs.flatMap(([term, value]) => (value ? [{ term, value }] : []));
}

/** What a section shows once filtered: the rows, and how many each filter hides. */
export interface VisibleRows {
  readonly rows: readonly ChartRow[];
  /** Rows that are not active, hidden while "Active only" is on. */
  readonly hiddenInactive: number;
  readonly hiddenEnteredInError: number;
}

/**
 * Newest first (undated last), then the section's filters: entered-in-error rows only on request;
 * with `activeOnly`, only rows whose status is active or unknown (an unknown status is never hidden:
 * a clinician must not miss a problem because a server left its status out).
 */
export function visibleChartRows(
  rows: readonly ChartRow[],
  filters: { readonly activeOnly: boolean; readonly showEnteredInError: boolean },
): VisibleRows {
  const ordered = [...rows].sort(newestFirst);
  const kept = ordered.filter(
    (row) => filters.showEnteredInError || row.status.group !== 'entered-in-error',
  );
  const shown = kept.filter(
    (row) => !filters.activeOnly || row.status.group === 'active' || row.status.group === 'unknown',
  );
  return {
    rows: shown,
    hiddenInactive: kept.length - shown.length,
    hiddenEnteredInError: ordered.filter((row) => row.status.group === 'entered-in-error').length,
  };
}

function newestFirst(a: ChartRow, b: ChartRow): number {
  const [ta, tb] = [a.time, b.time];
  if (Number.isNaN(ta) || Number.isNaN(tb))
    return Number(Number.isNaN(ta)) - Number(Number.isNaN(tb));
  return tb - ta;
}
