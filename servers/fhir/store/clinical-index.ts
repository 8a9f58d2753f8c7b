import type { Statement } from 'better-sqlite3';
import { parseFhirDate, type DateRange } from '../dates.ts';
import { clinical, valuesAt, type ClinicalType } from '../search/clinical.ts';
import { compartmentOf } from './compartment.ts';

type Json = Record<string, unknown>;
interface Db {
  prepare: (sql: string) => Statement;
}

/** The generic index tables of the chart's types, each keyed by the resource's `rid`. */
export const clinicalTables = ['clinical', 'clinical_token', 'clinical_date', 'clinical_ref'];

/** A date element as a range: a dateTime/date/instant string, or a Period (open ends unbounded). */
export function rangeOf(value: unknown): DateRange | undefined {
  if (typeof value === 'string') return parseFhirDate(value);
  if (!value || typeof value !== 'object') return undefined;
  const period = value as { start?: unknown; end?: unknown };
  if (typeof period.start !== 'string' && typeof period.end !== 'string') return undefined;
  const lo =
    typeof period.start === 'string' ? parseFhirDate(period.start)?.lo : Number.MIN_SAFE_INTEGER;
  const hi =
    typeof period.end === 'string' ? parseFhirDate(period.end)?.hi : Number.MAX_SAFE_INTEGER;
  return lo !== undefined && hi !== undefined ? { lo, hi } : undefined;
}

/** The codings of a CodeableConcept, a Coding or a bare code (system ''). */
export function tokensOf(value: unknown): { system: string; code: string }[] {
  if (typeof value === 'string') return value ? [{ system: '', code: value }] : [];
  if (!value || typeof value !== 'object') return [];
  const v = value as { coding?: unknown; system?: unknown; code?: unknown };
  const codings = Array.isArray(v.coding) ? (v.coding as unknown[]) : [v];
  return codings.flatMap((c) => {
    const coding = (c ?? {}) as { system?: unknown; code?: unknown };
    return typeof coding.code === 'string' && coding.code
      ? [{ system: typeof coding.system === 'string' ? coding.system : '', code: coding.code }]
      : [];
  });
}

/** The `reference` of a Reference, e.g. `Encounter/123`. */
export function referenceOf(value: unknown): string | undefined {
  const ref = (value as { reference?: unknown } | null)?.reference;
  return typeof ref === 'string' ? ref : undefined;
}

/** Writes one chart resource's rows, as its type's declaration says. */
export class ClinicalIndexWriter {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      row: db.prepare(
        'INSERT INTO clinical (rid, type, patient, date_lo, date_hi, last_updated) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      token: db.prepare(
        'INSERT OR IGNORE INTO clinical_token (rid, param, system, code) VALUES (?, ?, ?, ?)',
      ),
      date: db.prepare(
        'INSERT OR IGNORE INTO clinical_date (rid, param, lo, hi) VALUES (?, ?, ?, ?)',
      ),
      ref: db.prepare('INSERT OR IGNORE INTO clinical_ref (rid, param, target) VALUES (?, ?, ?)'),
    };
  }

  write(rid: number, type: ClinicalType, r: Json, lastUpdated: number): void {
    const d = clinical[type];
    const patient = compartmentOf(r);
    const main = d.date.paths
      .flatMap((p) => valuesAt(r, p))
      .map(rangeOf)
      .find((x) => x);
    this.stmts.row.run(rid, type, patient ?? null, main?.lo ?? null, main?.hi ?? null, lastUpdated);
    for (const p of d.otherDates) {
      for (const range of p.paths.flatMap((path) => valuesAt(r, path)).map(rangeOf)) {
        if (range) this.stmts.date.run(rid, p.param, range.lo, range.hi);
      }
    }
    for (const p of d.tokens) {
      for (const t of p.paths.flatMap((path) => valuesAt(r, path)).flatMap(tokensOf)) {
        this.stmts.token.run(rid, p.param, t.system, t.code);
      }
    }
    for (const p of d.references) {
      for (const ref of p.paths.flatMap((path) => valuesAt(r, path)).map(referenceOf)) {
        if (ref) this.stmts.ref.run(rid, p.param, ref);
      }
    }
  }
}
