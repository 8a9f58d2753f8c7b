import { closeSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { defaults } from './config.ts';

/** One audit record per request (issue 4 §6): who, what, outcome and cost; never bodies or PHI. */
export interface AuditRecord {
  time: string;
  requestId: string;
  sub?: string;
  clientId?: string;
  scope?: string;
  method: string;
  /** Path plus query with person-identifying values (names, birth dates, identifiers) redacted. */
  path: string;
  status: number;
  count?: number;
  ms: number;
}

export interface AuditLog {
  write(record: AuditRecord): void;
  close(): void;
}

/** Query values that name or identify a person are replaced by `*`; ids, codes and paging stay. */
const redacted = new Set([
  'name',
  'family',
  'given',
  'birthdate',
  'identifier',
  'telecom',
  'address',
]);

export function auditPath(originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  if (q < 0) return originalUrl;
  const params = new URLSearchParams(originalUrl.slice(q + 1));
  const parts: string[] = [];
  for (const [k, v] of params) {
    const base = k.split(':')[0] ?? k;
    parts.push(`${encodeURIComponent(k)}=${redacted.has(base) ? '*' : encodeURIComponent(v)}`);
  }
  return `${originalUrl.slice(0, q)}?${parts.join('&')}`;
}

/**
 * Appends JSON lines synchronously (a few microseconds; nothing is lost on a crash) and rotates to
 * `<file>.1` past the size limit, so the log never exceeds about twice that size.
 */
export function openAuditLog(file: string, maxBytes: number = defaults.auditMaxBytes): AuditLog {
  let fd = openSync(file, 'a');
  let size = statSync(file).size;
  return {
    write(record) {
      const line = `${JSON.stringify(record)}\n`;
      if (size + line.length > maxBytes && size > 0) {
        closeSync(fd);
        renameSync(file, `${file}.1`);
        fd = openSync(file, 'a');
        size = 0;
      }
      size += writeSync(fd, line);
    },
    close() {
      closeSync(fd);
    },
  };
}
