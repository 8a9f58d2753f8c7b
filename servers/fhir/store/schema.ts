/**
 * What the index tables hold, kept in the file's `user_version`. Bump it whenever that changes: a
 * store indexed by an older version is reindexed from its resources when it opens, so existing data
 * directories keep working (and one from a newer version is refused rather than misread).
 * 1: the patient sort key comes from the preferred name, not the first one.
 * 2: the text of Observation code and category, for `:text`.
 * 3: the chart's types (Condition, Encounter, ...) in the generic `clinical` tables.
 * 4: Observation.encounter in `observation_ref`.
 * 5: one patient per resource, from its type's patient element (compartment.ts), in
 *    `resource.compartment` and the index alike; no more `_compartment` rows in `clinical_ref`.
 * 6: Observation code and category with the patient and date, in `observation_code_date`.
 */
export const INDEX_VERSION = 6;

/** `observation_code_date.date_lo` of an observation without a date: before every date, never null. */
export const UNDATED = Number.MIN_SAFE_INTEGER;

/**
 * A family's row table (`observation`, or the chart's types in `clinical`): one row per resource with
 * its patient and its date as the range it covers, so "this patient's ..., newest first" walks one
 * range of the first index and a date search one range of the second. Where one table holds several
 * types, `type` leads both keys; Observation's rows also hold its status, for the `status` search.
 */
function rowTable(family: string, own: { type?: true; status?: true }): string {
  const columns = [
    'rid INTEGER PRIMARY KEY',
    ...(own.type ? ['type TEXT NOT NULL'] : []),
    'patient TEXT',
    'date_lo INTEGER',
    'date_hi INTEGER',
    ...(own.status ? ['status TEXT'] : []),
    'last_updated INTEGER NOT NULL',
  ];
  const lead = own.type ? 'type, ' : '';
  return `CREATE TABLE IF NOT EXISTS ${family} (
  ${columns.join(',\n  ')}
);
CREATE INDEX IF NOT EXISTS ${family}_by_patient_date ON ${family} (${lead}patient, date_lo, rid);
CREATE INDEX IF NOT EXISTS ${family}_by_date ON ${family} (${lead}date_lo, rid);`;
}

/**
 * A family's coded values (`observation`, or the chart's types in `clinical`): one row per code of a
 * coding under its search parameter, found by code with or without its system.
 */
function tokenTable(family: string): string {
  return `CREATE TABLE IF NOT EXISTS ${family}_token (
  rid INTEGER NOT NULL,
  param TEXT NOT NULL,
  system TEXT NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (rid, param, code, system)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ${family}_token_by_code ON ${family}_token (param, code, system);`;
}

/**
 * A family's references as 'Type/id', in one shape for both so one reference filter (search-sql.ts)
 * serves them. The key answers both plans: with a patient, the patient's rows are walked and each is
 * checked by (rid, param, target); without one, (param, target) finds the target's resources directly.
 */
function refTable(family: string): string {
  return `CREATE TABLE IF NOT EXISTS ${family}_ref (
  rid INTEGER NOT NULL,
  param TEXT NOT NULL,
  target TEXT NOT NULL,
  PRIMARY KEY (rid, param, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ${family}_ref_by_target ON ${family}_ref (param, target);`;
}

/**
 * One SQLite file: `resource` holds every resource's current JSON; the other tables are search indexes
 * kept in step by `indexes.ts` inside the same transaction. Integer row ids keep the indexes small.
 */
export const schema = `
CREATE TABLE IF NOT EXISTS resource (
  rid INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  last_updated TEXT NOT NULL,
  compartment TEXT,
  json TEXT NOT NULL,
  UNIQUE (type, id)
);
CREATE TABLE IF NOT EXISTS patient (
  rid INTEGER PRIMARY KEY,
  family TEXT NOT NULL,
  given TEXT NOT NULL,
  birth_lo INTEGER,
  birth_hi INTEGER,
  gender TEXT,
  last_updated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS patient_by_name ON patient (family, given, rid);
CREATE INDEX IF NOT EXISTS patient_by_birth ON patient (birth_lo, rid);
CREATE TABLE IF NOT EXISTS patient_name (
  rid INTEGER NOT NULL,
  part TEXT NOT NULL,
  norm TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS patient_name_by_norm ON patient_name (norm, part, rid);
CREATE INDEX IF NOT EXISTS patient_name_by_rid ON patient_name (rid);
-- Identifiers of every type: Patient search, and conditional references/creates on import.
CREATE TABLE IF NOT EXISTS identifier (
  rid INTEGER NOT NULL,
  type TEXT NOT NULL,
  system TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS identifier_by_value ON identifier (value, type, system);
CREATE INDEX IF NOT EXISTS identifier_by_rid ON identifier (rid);
${rowTable('observation', { status: true })}
${tokenTable('observation')}
-- How long the patient's longest-lasting observation lasts (a Period; a date without a time is a
-- day): "ended on or after X" then also means "began after X minus that", which bounds the
-- patient-and-date index range from below. Found in one index step (max over the patient's entries).
CREATE INDEX IF NOT EXISTS observation_by_patient_span ON observation (patient, date_hi - date_lo);
-- A patient's observations by code or category and date: "this patient's heart rates in these 24
-- hours, newest first" is one range of the key, however long the history (100,000 observations a
-- patient in an ICU stay). One row per distinct code of a coding (its systems stay in
-- observation_token); undated observations sort before every date (UNDATED), as NULL would.
CREATE TABLE IF NOT EXISTS observation_code_date (
  patient TEXT NOT NULL,
  param TEXT NOT NULL,
  code TEXT NOT NULL,
  date_lo INTEGER NOT NULL,
  rid INTEGER NOT NULL,
  date_hi INTEGER,
  PRIMARY KEY (patient, param, code, date_lo, rid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS observation_code_date_by_rid ON observation_code_date (rid);
-- Observation.encounter. A table rather than a column: CREATE TABLE IF NOT EXISTS adds it to an
-- existing file (a new column would need ALTER TABLE).
${refTable('observation')}
-- :text search: every distinct normalised text of a coded field (CodeableConcept.text, Coding.display)
-- once, and which observations carry it. A search scans the few distinct texts, not every row.
CREATE TABLE IF NOT EXISTS token_text (
  tid INTEGER PRIMARY KEY,
  param TEXT NOT NULL,
  words TEXT NOT NULL,
  UNIQUE (param, words)
);
CREATE TABLE IF NOT EXISTS observation_text (
  rid INTEGER NOT NULL,
  tid INTEGER NOT NULL,
  PRIMARY KEY (rid, tid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS observation_text_by_tid ON observation_text (tid, rid);
-- The chart's types (search/clinical.ts declares which elements feed which parameter) in one row
-- table; tokens, further dates and references in narrow tables beside it.
${rowTable('clinical', { type: true })}
${tokenTable('clinical')}
CREATE TABLE IF NOT EXISTS clinical_date (
  rid INTEGER NOT NULL,
  param TEXT NOT NULL,
  lo INTEGER NOT NULL,
  hi INTEGER NOT NULL,
  PRIMARY KEY (rid, param, lo, hi)
) WITHOUT ROWID;
-- References (encounter, medication, result, ...) as 'Type/id'.
${refTable('clinical')}
`;
