/**
 * The patient chart's queries over HTTP: prints figures, asserts nothing.
 *
 *   tsx bench/chart-queries.ts [--patients 10000] [--requests 300] [--dir DIR]
 *
 * Seeds a store (or reuses the one in --dir, as bench/fhir-search.ts does), prints how many of each
 * type it holds, runs the real FHIR server in a child process and reports p50/p95/p99 and requests/s
 * at concurrency 1 and 16 for every search the chart sends, each call for a random patient (and one
 * of that patient's encounters). A query the server refuses (asked strictly, so an unknown parameter
 * is refused rather than ignored) is reported with its status, not timed.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readableTypes } from '../servers/fhir/config.ts';
import { Random } from '../servers/seed/random.ts';
import { SEARCH_CONTRACT } from '../src/app/fhir/search-contract.ts';
import { flag, option, positiveOption } from './args.ts';
import { openSeededStore, out, startBenchServer, timeGets } from './fhir-bench.ts';
import { fmt } from './fhir-stats.ts';

/** The chart's searches, as the search contract declares them: every type searched by patient but Observation. */
const CHART_TYPES = Object.entries(SEARCH_CONTRACT).filter(
  ([type, contract]) => 'patient' in contract.params && type !== 'Observation',
);
/** What an encounter's record lists: the types searched by encounter. */
const ENCOUNTER_RECORD_TYPES = Object.entries(SEARCH_CONTRACT)
  .filter(([, contract]) => 'encounter' in contract.params)
  .map(([type]) => type);

const patients = positiveOption('patients', 10_000);
const requests = positiveOption('requests', 300);
const keep = flag('dir');
const dir = keep ? resolve(option('dir', '')) : mkdtempSync(join(tmpdir(), 'chart-bench-'));
// The repository root, from this script's own path (bench/ is CommonJS, so no import.meta).
const root = resolve(dirname(resolve(process.argv[1] ?? '.')), '..');

async function main(): Promise<void> {
  const { store, file } = openSeededStore(dir, patients);
  out(`store: ${(statSync(file).size / 1e6).toFixed(0)} MB`);
  for (const type of readableTypes) out(`  ${type.padEnd(20)} ${store.count(type)}`);
  // Each patient's encounters, so an encounter's record is asked for with a real id.
  const encounters = new Map<string, string[]>();
  const rows = store.db
    .prepare("SELECT id, compartment FROM resource WHERE type = 'Encounter'")
    .all() as { id: string; compartment: string }[];
  for (const r of rows)
    encounters.set(r.compartment, [...(encounters.get(r.compartment) ?? []), r.id]);
  store.close();
  const ids = [...encounters.keys()];

  const rnd = new Random(7);
  const pick = (): { patient: string; encounter: string } => {
    const patient = rnd.pick(ids);
    return { patient, encounter: rnd.pick(encounters.get(patient) ?? []) };
  };
  const byPatient = (query: string) => (): string => query.replace('X', pick().patient);
  const byEncounter = (type: string) => (): string => {
    const { patient, encounter } = pick();
    return `${type}?patient=${patient}&encounter=${encounter}&_count=100`;
  };
  const queries: { name: string; path: () => string }[] = [
    { name: 'Patient/{id}', path: () => `Patient/${pick().patient}` },
    ...[
      ...CHART_TYPES.map(([type, contract]) =>
        [
          `${type}?patient=X`,
          ...contract.sorts.slice(0, 1).map((sort) => `_sort=${sort}`),
          `_count=${contract.maxCount}`,
          ...('includes' in contract ? contract.includes.map((i) => `_include=${i}`) : []),
        ].join('&'),
      ),
      'Observation?patient=X&category=vital-signs&_sort=-date&_count=100',
    ].map((q) => ({ name: q, path: byPatient(q) })),
    ...ENCOUNTER_RECORD_TYPES.map((type) => ({
      name: `${type}?patient=X&encounter=E&_count=100`,
      path: byEncounter(type),
    })),
  ];

  const server = await startBenchServer(root, dir);
  try {
    for (let i = 0; i < 50; i++) await server.get(queries[2]?.path() ?? ''); // warm up (JIT, JWKS fetch)
    out();
    out(
      `${'query'.padEnd(96)} ${'c=1 p50/p95/p99 ms'.padEnd(20)} ${'req/s'.padStart(6)}  ${'c=16 p50/p95/p99 ms'.padEnd(20)} ${'req/s'.padStart(6)}`,
    );
    for (const q of queries) {
      const status = await server.get(q.path(), true);
      if (status !== 200) {
        out(`${q.name.padEnd(96)} refused: HTTP ${status}`);
        continue;
      }
      const one = await timeGets(server, q.path, requests, 1);
      const sixteen = await timeGets(server, q.path, requests, 16);
      out(
        `${q.name.padEnd(96)} ${fmt(one).padEnd(20)} ${one.rps.toFixed(0).padStart(6)}  ${fmt(sixteen).padEnd(20)} ${sixteen.rps.toFixed(0).padStart(6)}`,
      );
    }
  } finally {
    await server.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
