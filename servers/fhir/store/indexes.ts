import type { Statement } from 'better-sqlite3';
import { observationRange, parseFhirDate } from '../dates.ts';
import { encounter, isClinicalType, valuesAt } from '../search/clinical.ts';
import { normalizeText, normalizeWords } from '../text.ts';
import { ClinicalIndexWriter, clinicalTables, referenceOf, tokensOf } from './clinical-index.ts';
import { compartmentOf } from './compartment.ts';
import { UNDATED } from './schema.ts';

type Json = Record<string, unknown>;
interface Db {
  prepare: (sql: string) => Statement;
}

/** A HumanName as the index reads it: each part that is not of its R4 type is left out. */
interface HumanName {
  use?: string;
  text?: string;
  family?: string;
  given: string[];
  prefix: string[];
  suffix: string[];
}

const hasText = (part: unknown): part is string => typeof part === 'string' && part.trim() !== '';
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const stringOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const stringsOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * The objects at an element, whatever shape it came in: the indexes must take anything stored
 * (writes are checked by import/shapes.ts, but not data stored before that, which a reindex reads).
 */
const objectsAt = (resource: Json, path: string): Json[] =>
  valuesAt(resource, path).filter(isObject);

function humanName(n: Json): HumanName {
  return {
    use: stringOf(n['use']),
    text: stringOf(n['text']),
    family: stringOf(n['family']),
    given: stringsOf(n['given']),
    prefix: stringsOf(n['prefix']),
    suffix: stringsOf(n['suffix']),
  };
}

/**
 * The name the app shows for a patient, so `_sort=name` orders the list as it reads: official, then
 * usual, then the first name that is not old and not empty. This repeats `preferredName` in
 * src/app/fhir/format-datatypes.ts (the app and the servers share no code): change both together.
 */
function preferredName(names: HumanName[]): HumanName | undefined {
  const current = names.filter(
    (n) =>
      n.use !== 'old' && [n.text, n.family, ...n.given, ...n.prefix, ...n.suffix].some(hasText),
  );
  return (
    current.find((n) => n.use === 'official') ??
    current.find((n) => n.use === 'usual') ??
    current[0]
  );
}

/** Every table `write` fills, each keyed by the resource's `rid`. */
const indexTables = [
  'patient',
  'patient_name',
  'identifier',
  'observation',
  'observation_token',
  'observation_text',
  'observation_ref',
  'observation_code_date',
  ...clinicalTables,
];

/** Writes and clears the search index rows of Patient, Observation and the chart's types. */
export class IndexWriter {
  private readonly stmts;
  private readonly clinical: ClinicalIndexWriter;

  constructor(db: Db) {
    this.clinical = new ClinicalIndexWriter(db);
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
      textId: db.prepare('SELECT tid FROM token_text WHERE param = ? AND words = ?'),
      newText: db.prepare('INSERT INTO token_text (param, words) VALUES (?, ?)'),
      text: db.prepare('INSERT OR IGNORE INTO observation_text (rid, tid) VALUES (?, ?)'),
      ref: db.prepare(
        'INSERT OR IGNORE INTO observation_ref (rid, param, target) VALUES (?, ?, ?)',
      ),
      codeDate: db.prepare(
        'INSERT OR IGNORE INTO observation_code_date (patient, param, code, date_lo, rid, date_hi) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      clear: indexTables.map((table) => db.prepare(`DELETE FROM ${table} WHERE rid = ?`)),
      // token_text is not keyed by resource: a text no observation carries any more stays, harmlessly
      // (searches reach observations through observation_text), until a reindex empties it.
      clearAll: [...indexTables, 'token_text'].map((table) => db.prepare(`DELETE FROM ${table}`)),
    };
  }

  clear(rid: number): void {
    for (const stmt of this.stmts.clear) stmt.run(rid);
  }

  /** Empties every index table, before a reindex. */
  clearAll(): void {
    for (const stmt of this.stmts.clearAll) stmt.run();
  }

  write(rid: number, resource: Json, lastUpdated: number): void {
    const type = String(resource['resourceType']);
    for (const id of objectsAt(resource, 'identifier')) {
      const value = stringOf(id['value']);
      if (value !== undefined) {
        this.stmts.identifier.run(rid, type, stringOf(id['system']) ?? '', value);
      }
    }
    if (type === 'Patient') this.patient(rid, resource, lastUpdated);
    if (type === 'Observation') this.observation(rid, resource, lastUpdated);
    if (isClinicalType(type)) this.clinical.write(rid, type, resource, lastUpdated);
  }

  private patient(rid: number, p: Json, lastUpdated: number): void {
    const names = objectsAt(p, 'name').map(humanName);
    const shown = preferredName(names);
    const family = hasText(shown?.family) ? shown.family : '';
    const given = (shown?.given ?? []).filter(hasText).join(' ');
    const birth = typeof p['birthDate'] === 'string' ? parseFhirDate(p['birthDate']) : undefined;
    this.stmts.patient.run(
      rid,
      // A name given only as text sorts by that text, which is what the list shows for it.
      normalizeText(family || given ? family : (shown?.text ?? '')),
      normalizeText(given),
      birth?.lo ?? null,
      birth?.hi ?? null,
      stringOf(p['gender']) ?? null,
      lastUpdated,
    );
    for (const name of names) {
      const parts: [string, string][] = name.given.map((g) => ['given', g]);
      if (name.family) parts.push(['family', name.family]);
      // The whole name lets "maria gar" match "Maria García" as one prefix.
      const full = name.text ?? [...name.given, name.family ?? ''].join(' ');
      if (full.trim()) parts.push(['text', full.trim()]);
      for (const [part, raw] of parts) this.stmts.name.run(rid, part, normalizeText(raw), raw);
    }
  }

  private observation(rid: number, o: Json, lastUpdated: number): void {
    const range = observationRange(o);
    const patient = compartmentOf(o);
    this.stmts.observation.run(
      rid,
      patient ?? null,
      range?.lo ?? null,
      range?.hi ?? null,
      stringOf(o['status']) ?? null,
      lastUpdated,
    );
    // `code` is Observation.code only; component codes would be `component-code` (not supported).
    for (const param of ['code', 'category'] as const) {
      const concepts = objectsAt(o, param);
      for (const t of concepts.flatMap(tokensOf)) {
        this.stmts.token.run(rid, param, t.system, t.code);
        if (patient) {
          const lo = range?.lo ?? UNDATED;
          this.stmts.codeDate.run(patient, param, t.code, lo, rid, range?.hi ?? null);
        }
      }
      this.texts(rid, param, concepts);
    }
    for (const ref of encounter.paths.flatMap((path) => valuesAt(o, path)).map(referenceOf)) {
      if (ref) this.stmts.ref.run(rid, encounter.param, ref);
    }
  }

  /** For `:text`: the distinct words of the concepts' texts and displays, each stored once. */
  private texts(rid: number, param: 'code' | 'category', concepts: Json[]): void {
    const words = new Set<string>();
    for (const concept of concepts) {
      const displays = valuesAt(concept, 'coding')
        .filter(isObject)
        .map((c) => c['display']);
      for (const text of [concept['text'], ...displays]) {
        const normalised = typeof text === 'string' ? normalizeWords(text) : '';
        if (normalised) words.add(normalised);
      }
    }
    for (const w of words) {
      const known = this.stmts.textId.get(param, w) as { tid: number } | undefined;
      const tid = known?.tid ?? Number(this.stmts.newText.run(param, w).lastInsertRowid);
      this.stmts.text.run(rid, tid);
    }
  }
}
