/**
 * Finds secrets and PHI in what the servers wrote: JWTs (access, ID and DPoP proofs), Authorization header
 * values, the demo password, and patient names. Findings name what leaked and where, never the value, so
 * the report itself leaks nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface LogSource {
  /** Where the text came from, e.g. "[fhir] output" or "audit.log". */
  name: string;
  text: string;
}

const SECRETS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'a JWT', pattern: /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/ },
  { what: 'an Authorization header value', pattern: /\b(Bearer|DPoP)\s+[\w-]{16,}/ },
  // Whole or in part: an error message that quotes a request body cuts it off anywhere.
  { what: 'the demo password', pattern: /fhirokta-d|okta-demo/ },
  { what: 'a password field', pattern: /(?:assword|asscode)["']?\s*[:=]/i },
];

/** Name parts short enough to be ordinary words ("Lee", "May") would only add noise. */
const MIN_NAME_LENGTH = 4;

export function findLeaks(
  sources: readonly LogSource[],
  patientNames: readonly string[],
): string[] {
  const names = [...new Set(patientNames)].filter((name) => name.length >= MIN_NAME_LENGTH);
  const leaks: string[] = [];
  for (const { name: source, text } of sources) {
    for (const { what, pattern } of SECRETS) {
      if (pattern.test(text)) leaks.push(`${what} in ${source}`);
    }
    const lines = text.split('\n');
    for (const patientName of names) {
      const word = new RegExp(`(^|[^\\p{L}])${escapeRegExp(patientName)}([^\\p{L}]|$)`, 'u');
      const line = lines.findIndex((candidate) => word.test(candidate));
      if (line >= 0)
        leaks.push(`a patient name (${patientName.length} letters) in ${source}, line ${line + 1}`);
    }
  }
  return leaks;
}

/** Every name part of every patient in a FHIR server's data directory (seeded and imported). */
export function patientNamesIn(dataDir: string): string[] {
  const file = join(dataDir, 'fhir.sqlite');
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare("SELECT DISTINCT raw FROM patient_name WHERE part IN ('given', 'family')")
      .all() as { raw: string }[];
    return rows.map((row) => row.raw);
  } finally {
    db.close();
  }
}

/** The FHIR audit log and its rotated predecessor, when present. */
export function auditLogsIn(dataDir: string): LogSource[] {
  return readdirSync(dataDir)
    .filter((file) => /^audit\.log(\.\d+)?$/.test(file))
    .map((file) => ({ name: file, text: readFileSync(join(dataDir, file), 'utf8') }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
