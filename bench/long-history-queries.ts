/**
 * The searches a long history makes (trend spans, flowsheet windows, newest first pages) over HTTP,
 * for the long-history patient (100,000 observations) beside an ordinary one: prints SQLite's plan and
 * p50/p95/p99 at concurrency 1, asserts nothing.
 *
 *   tsx bench/long-history-queries.ts [--patients 10000] [--long-history 100000] [--requests 200] [--dir DIR]
 *
 * Seeds the store (or reuses the one in --dir), adding the long-history patient when it is missing.
 * The plans are those servers/fhir/store/long-history-plan.test.ts expects, from that test's statistics.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadResources } from '../servers/fhir/seed-store.ts';
import { parseSearch } from '../servers/fhir/search/parse.ts';
import { buildSearchSql } from '../servers/fhir/store/search-sql.ts';
import { DEFAULT_END } from '../servers/seed/generate.ts';
import { LONG_HISTORY_PATIENT, longHistoryResources } from '../servers/seed/long-history.ts';
import { flag, option, positiveOption } from './args.ts';
import { openSeededStore, out, startBenchServer, timeGets } from './fhir-bench.ts';
import { fmt } from './fhir-stats.ts';

const patients = positiveOption('patients', 10_000);
const longHistory = positiveOption('long-history', 100_000);
const requests = positiveOption('requests', 200);
const keep = flag('dir');
const dir = keep ? resolve(option('dir', '')) : mkdtempSync(join(tmpdir(), 'long-bench-'));
const root = resolve(dirname(resolve(process.argv[1] ?? '.')), '..');

/** The last day of the long history (it ends the day before the seed's end), and of an 8-hour window. */
const last = new Date(DEFAULT_END.getTime() - 86_400_000);
const iso = (ms: number) => new Date(last.getTime() - ms).toISOString().replace('.000Z', 'Z');
const HOUR = 3_600_000;
const day = `date=ge${iso(24 * HOUR)}&date=le${iso(0)}`;
const hours = `date=ge${iso(8 * HOUR)}&date=lt${iso(0)}`;

const queries = [
  'Observation?patient=X&_sort=-date&_count=50',
  'Observation?patient=X&category=vital-signs&_sort=-date&_count=100',
  'Observation?patient=X&code=8867-4&_sort=-date&_count=50',
  `Observation?patient=X&code=8867-4&${day}&_sort=-date&_count=200`,
  `Observation?patient=X&code=8867-4&${day}&_sort=-date&_count=200&_offset=200`,
  `Observation?patient=X&category=vital-signs&${hours}&_sort=-date&_count=200`,
  `Observation?patient=X&${hours}&_sort=-date&_count=200`,
];

async function main(): Promise<void> {
  const { store, file } = openSeededStore(dir, patients);
  if (!store.read('Patient', LONG_HISTORY_PATIENT)) {
    out(`adding ${LONG_HISTORY_PATIENT} with ${longHistory} observations ...`);
    loadResources(
      store,
      longHistoryResources({ observations: longHistory, seed: 20_240_601, end: DEFAULT_END }),
    );
  }
  out(
    `store: ${(statSync(file).size / 1e6).toFixed(0)} MB, ${store.count('Observation')} observations`,
  );
  out();
  for (const q of queries) {
    const path = q.replace('X', LONG_HISTORY_PATIENT);
    const query = parseSearch('Observation', [...new URLSearchParams(path.split('?')[1])], true);
    const built = buildSearchSql(query, {});
    const steps = store.db.prepare(`EXPLAIN QUERY PLAN ${built.page}`).all(...built.params, 200, 0);
    out(`${path}\n  ${(steps as { detail: string }[]).map((s) => s.detail).join(' | ')}`);
  }
  store.close();

  const server = await startBenchServer(root, dir);
  try {
    for (let i = 0; i < 30; i++) await server.get(queries[0]?.replace('X', 'pat-0001') ?? '');
    out();
    out(`${'query'.padEnd(120)} ${'patient'.padEnd(14)} c=1 p50/p95/p99 ms`);
    for (const q of queries) {
      for (const patient of ['pat-0001', LONG_HISTORY_PATIENT]) {
        const path = q.replace('X', patient);
        const status = await server.get(path, true);
        const figures =
          status === 200
            ? fmt(await timeGets(server, () => path, requests, 1))
            : `refused: HTTP ${status}`;
        out(`${q.padEnd(120)} ${patient.padEnd(14)} ${figures}`);
      }
    }
  } finally {
    await server.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
