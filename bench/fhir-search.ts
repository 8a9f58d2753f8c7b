/**
 * FHIR search benchmark: prints figures, asserts nothing (a timed assertion fails on a busy machine,
 * not on slow code).
 *
 *   tsx bench/fhir-search.ts [--patients 1000] [--requests 300] [--dir DIR] [--no-import]
 *
 * Seeds a store (or reuses one in --dir, created if missing, so the 10,000-patient store, about
 * 2.5 GB and two minutes to seed, is built once), runs the FHIR server in a child process (so the load
 * generator does not share its event loop), and reports p50/p95/p99 and requests/s at concurrency
 * 1 and 16 over HTTP with a valid token, the same queries run directly on the store, their p50
 * ratio, and the Synthea import rate.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Random } from '../servers/seed/random.ts';
import { FhirStore } from '../servers/fhir/store/store.ts';
import { parseSearch } from '../servers/fhir/search/parse.ts';
import { searchsetBundle } from '../servers/fhir/search/bundle.ts';
import { importJson, listFiles } from '../servers/fhir/import/files.ts';
import { stats, fmt, type Stats } from './fhir-stats.ts';
import { flag, option, positiveOption } from './args.ts';
import { openSeededStore, out, startBenchServer, timeGets } from './fhir-bench.ts';

const patients = positiveOption('patients', 1000);
const requests = positiveOption('requests', 300);
const keep = flag('dir');
const dir = keep ? resolve(option('dir', '')) : mkdtempSync(join(tmpdir(), 'fhir-bench-'));
// The repository root, from this script's own path (bench/ is CommonJS, so no import.meta).
const root = resolve(dirname(resolve(process.argv[1] ?? '.')), '..');

async function main(): Promise<void> {
  // 1. The store.
  const { store, file } = openSeededStore(dir, patients);
  const nPatients = store.count('Patient');
  const nObs = store.count('Observation');
  out(
    `store: ${nPatients} patients, ${nObs} observations, ${store.count('Encounter')} encounters, ` +
      `${store.count('Condition')} conditions, ${(statSync(file).size / 1e6).toFixed(0)} MB`,
  );

  // 2. The queries: each call picks a random patient so caches do not flatter the figures.
  const rnd = new Random(7);
  const families = (
    store.db.prepare('SELECT family FROM patient').all() as { family: string }[]
  ).map((r) => r.family);
  const patientId = (): string =>
    `pat-${String(rnd.int(1, Math.min(nPatients, 9999))).padStart(4, '0')}`;
  const queries: { name: string; path: () => string }[] = [
    {
      name: 'Patient?name=<prefix>&_count=20',
      path: () => `Patient?name=${encodeURIComponent(rnd.pick(families).slice(0, 3))}&_count=20`,
    },
    {
      name: 'Observation?patient=X&_sort=-date&_count=50',
      path: () => `Observation?patient=${patientId()}&_sort=-date&_count=50`,
    },
    {
      name: '  ... page 5 (_offset=200)',
      path: () => `Observation?patient=${patientId()}&_sort=-date&_count=50&_offset=200`,
    },
    {
      name: 'Observation?patient=X&code=8867-4&date=ge2025-01-01',
      path: () =>
        `Observation?patient=${patientId()}&code=http://loinc.org|8867-4&date=ge2025-01-01`,
    },
    {
      name: 'Condition?patient=X&clinical-status=active',
      path: () => `Condition?patient=${patientId()}&clinical-status=active`,
    },
    {
      name: 'Encounter?patient=X&_sort=-date&_count=10',
      path: () => `Encounter?patient=${patientId()}&_sort=-date&_count=10`,
    },
  ];

  // 3. Raw store: parse + SQL + Bundle assembly, no HTTP, no token.
  const raw: Stats[] = queries.map((q) => {
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const [type = '', query = ''] = q.path().split('?');
      const t = performance.now();
      const parsed = parseSearch(type as 'Patient', [...new URLSearchParams(query)], false);
      const result = store.search(parsed, {});
      searchsetBundle('http://localhost/fhir', parsed, result.total, result.rows, []);
      times.push(performance.now() - t);
    }
    return stats(
      times,
      times.reduce((a, b) => a + b, 0),
    );
  });
  store.close();

  // 4. HTTP: the real server in a child process, a stand-in issuer here.
  const server = await startBenchServer(root, dir);
  for (let i = 0; i < 50; i++) await server.get(queries[1]?.path() ?? ''); // warm up (JIT, JWKS fetch)
  const http = (q: (typeof queries)[number], concurrency: number): Promise<Stats> =>
    timeGets(server, q.path, requests, concurrency);

  out();
  out(
    `${'query'.padEnd(52)} ${'c=1 p50/p95/p99 ms'.padEnd(22)} ${'req/s'.padStart(6)}  ${'c=16 p50/p95/p99 ms'.padEnd(22)} ${'req/s'.padStart(6)}  ${'raw p50/p95/p99'.padEnd(20)} http/raw p50`,
  );
  for (const [i, q] of queries.entries()) {
    const one = await http(q, 1);
    const sixteen = await http(q, 16);
    const r = raw[i] as Stats;
    out(
      `${q.name.padEnd(52)} ${fmt(one).padEnd(22)} ${one.rps.toFixed(0).padStart(6)}  ${fmt(sixteen).padEnd(22)} ${sixteen.rps.toFixed(0).padStart(6)}  ${fmt(r).padEnd(20)} ${(one.p50 / r.p50).toFixed(1)}x`,
    );
  }
  await server.close();

  // 5. Import rate: the Synthea fixtures into a fresh store, three rounds.
  const synthea = resolve(root, '../shared/fixtures/synthea');
  if (!flag('no-import') && existsSync(synthea)) {
    const importDir = mkdtempSync(join(tmpdir(), 'fhir-bench-import-'));
    const target = new FhirStore(join(importDir, 'fhir.sqlite'));
    const files = listFiles([synthea]);
    const readStarted = performance.now();
    const bodies = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);
    const readMs = performance.now() - readStarted;
    let resources = 0;
    const t = performance.now();
    for (let round = 0; round < 3; round++) {
      for (const [i, body] of bodies.entries()) {
        const r = importJson(target, body, files[i] ?? '');
        resources += Object.values(r.loaded).reduce((a, b) => a + b, 0);
      }
    }
    const s = (performance.now() - t) / 1000;
    target.close();
    rmSync(importDir, { recursive: true, force: true });
    out();
    out(
      `import: ${resources} resources from ${files.length * 3} Synthea bundles in ${s.toFixed(2)} s = ` +
        `${Math.round(resources / s)} resources/s (parsed bundles; unsupported types filtered out first; ` +
        `reading + parsing the ${files.length} files once took ${readMs.toFixed(0)} ms)`,
    );
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

void main();
