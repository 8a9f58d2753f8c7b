import { closeSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { defaults } from './config.ts';

/**
 * One audit record per request, so that who read what can be answered afterwards: who, what, outcome
 * and cost; never bodies or PHI.
 */
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
  // An over-long URL is refused before it is read (414); its query is not worth keeping, or parsing.
  if (originalUrl.length > defaults.maxUrlLength) {
    return `${(originalUrl.split('?')[0] ?? '').slice(0, 256)}… (URL too long)`;
  }
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
 * Appends JSON lines and rotates to `<file>.1` past the size limit, so the log never exceeds about
 * twice that size. Lines are written once per event-loop turn, all of that turn's requests in one
 * write (a system call per request cost more than the rest of the logging), and also on `close()`
 * and at process exit, so only a SIGKILL or a native crash can lose the last turn's lines.
 */
export function openAuditLog(file: string, maxBytes: number = defaults.auditMaxBytes): AuditLog {
  let fd = openSync(file, 'a');
  let size = statSync(file).size;
  let pending: string[] = [];
  const flush = (): void => {
    let batch = '';
    // Bytes, not string length: a login or scope outside ASCII takes two or more bytes a character.
    let batchBytes = 0;
    for (const line of pending) {
      const bytes = Buffer.byteLength(line);
      if (size + batchBytes + bytes > maxBytes && size + batchBytes > 0) {
        if (batch) writeSync(fd, batch);
        closeSync(fd);
        renameSync(file, `${file}.1`);
        fd = openSync(file, 'a');
        size = 0;
        batch = '';
        batchBytes = 0;
      }
      batch += line;
      batchBytes += bytes;
    }
    pending = [];
    if (batch) size += writeSync(fd, batch);
  };
  let turn: NodeJS.Immediate | undefined;
  process.on('exit', flush);
  return {
    write(record) {
      pending.push(`${JSON.stringify(record)}\n`);
      turn ??= setImmediate(() => {
        turn = undefined;
        flush();
      });
    },
    close() {
      clearImmediate(turn);
      turn = undefined;
      flush();
      process.off('exit', flush);
      closeSync(fd);
    },
  };
}
