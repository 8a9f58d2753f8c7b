import type { Statement } from 'better-sqlite3';
import { observationRange, parseFhirDate } from '../dates.ts';
import { normalizeText } from '../text.ts';

type Json = Record<string, unknown>;
interface Db {
  prepare: (sql: string) => Statement;
}

interface Coding {
  system?: string;
  code?: string;
}

/** The patient a resource belongs to (its Patient compartment), from the usual reference fields. */
export function compartmentOf(resource: Json): string | undefined {
  if (resource['resourceType'] === 'Patient') return resource['id'] as string;
  for (const field of ['subject', 'patient']) {
    const ref = (resource[field] as { reference?: string } | undefined)?.reference;
    const m = ref ? /^Patient\/([^/]+)$/.exec(ref) : null;
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** Writes and clears the search index rows of Patient and Observation resources. */
export class IndexWriter {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      patient: db.prepare(
        'INSERT INTO patient (rid, family, given, birth_lo, birth_hi, gender, last_updated) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      name: db.prepare('INSERT INTO patient_name (rid, part, norm, raw) VALUES (?, ?, ?, ?)'),
      identifier: db.prepare(
        'INSERT INTO identifier (rid, type, system, value) VALUES (?, ?, ?, ?)',
      ),
      observation: db.prepare(
        'INSERT INTO observation (rid, patient, date_lo, date_hi, status, last_updated) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      token: db.prepare(
        'INSERT OR IGNORE INTO observation_token (rid, param, system, code) VALUES (?, ?, ?, ?)',
      ),
      clear: [
        'DELETE FROM patient WHERE rid = ?',
        'DELETE FROM patient_name WHERE rid = ?',
        'DELETE FROM identifier WHERE rid = ?',
        'DELETE FROM observation WHERE rid = ?',
        'DELETE FROM observation_token WHERE rid = ?',
      ].map((sql) => db.prepare(sql)),
    };
  }

  clear(rid: number): void {
    for (const stmt of this.stmts.clear) stmt.run(rid);
  }

  write(rid: number, resource: Json, lastUpdated: number): void {
    const ids = (resource['identifier'] as { system?: string; value?: string }[] | undefined) ?? [];
    for (const id of Array.isArray(ids) ? ids : []) {
      if (typeof id.value === 'string') {
        this.stmts.identifier.run(rid, resource['resourceType'], id.system ?? '', id.value);
      }
    }
    if (resource['resourceType'] === 'Patient') this.patient(rid, resource, lastUpdated);
    if (resource['resourceType'] === 'Observation') this.observation(rid, resource, lastUpdated);
  }

  private patient(rid: number, p: Json, lastUpdated: number): void {
    const names =
      (p['name'] as { family?: string; given?: string[]; text?: string }[] | undefined) ?? [];
    const official = names[0] ?? {};
    const birth = typeof p['birthDate'] === 'string' ? parseFhirDate(p['birthDate']) : undefined;
    this.stmts.patient.run(
      rid,
      normalizeText(official.family ?? ''),
      normalizeText((official.given ?? []).join(' ')),
      birth?.lo ?? null,
      birth?.hi ?? null,
      typeof p['gender'] === 'string' ? p['gender'] : null,
      lastUpdated,
    );
    for (const name of names) {
      const given = (name.given ?? []).filter((g) => typeof g === 'string');
      const parts: [string, string][] = given.map((g) => ['given', g]);
      if (name.family) parts.push(['family', name.family]);
      // The whole name lets "maria gar" match "Maria García" as one prefix.
      const full = name.text ?? [...given, name.family ?? ''].join(' ');
      if (full.trim()) parts.push(['text', full.trim()]);
      for (const [part, raw] of parts) this.stmts.name.run(rid, part, normalizeText(raw), raw);
    }
  }

  private observation(rid: number, o: Json, lastUpdated: number): void {
    const range = observationRange(o);
    this.stmts.observation.run(
      rid,
      compartmentOf(o) ?? null,
      range?.lo ?? null,
      range?.hi ?? null,
      typeof o['status'] === 'string' ? o['status'] : null,
      lastUpdated,
    );
    // `code` is Observation.code only; component codes would be `component-code` (not supported).
    const codings = (o['code'] as { coding?: Coding[] } | undefined)?.coding ?? [];
    for (const c of codings) if (c.code) this.stmts.token.run(rid, 'code', c.system ?? '', c.code);
    const categories = (o['category'] as { coding?: Coding[] }[] | undefined) ?? [];
    for (const c of categories.flatMap((cat) => cat.coding ?? [])) {
      if (c.code) this.stmts.token.run(rid, 'category', c.system ?? '', c.code);
    }
  }
}
