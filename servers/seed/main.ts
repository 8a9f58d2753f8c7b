import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaults } from '../fhir/config.ts';
import { loadResources, seedStore } from '../fhir/seed-store.ts';
import { FhirStore } from '../fhir/store/store.ts';
import { DEFAULT_END } from './generate.ts';
import { LONG_HISTORY_PATIENT, longHistoryResources } from './long-history.ts';

/**
 * `tsx servers/seed/main.ts [--patients N] [--seed S] [--data-dir DIR] [--force] [--long-history N]`:
 * writes synthetic data into `${DATA_DIR}/fhir.sqlite`. `--patients 10000` gives about a million
 * observations. `--long-history 100000` adds one ICU patient with that many vital signs (see
 * long-history.ts), to an empty store after its patients, or to one already seeded.
 */
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = (line: string): boolean => process.stdout.write(`${line}\n`);
const patients = Number(option('patients') ?? defaults.seedPatients);
const seed = Number(option('seed') ?? defaults.seed);
const longHistory = option('long-history') === undefined ? 0 : Number(option('long-history'));
const dataDir = resolve(option('data-dir') ?? process.env['DATA_DIR'] ?? '.data');
if (
  !Number.isInteger(patients) ||
  patients < 1 ||
  !Number.isInteger(seed) ||
  !Number.isInteger(longHistory) ||
  longHistory < 0
) {
  out('usage: seed [--patients N] [--seed S] [--data-dir DIR] [--force] [--long-history N]');
  process.exit(2);
}
const file = resolve(dataDir, 'fhir.sqlite');
if (existsSync(file) && args.includes('--force')) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
const store = new FhirStore(file);
const reports = [];
if (store.isEmpty()) {
  out(`seeding ${patients} patients (seed ${seed}) into ${file} ...`);
  reports.push(seedStore(store, { patients, seed }));
} else if (!longHistory) {
  out(`${file} already holds data; pass --force to replace it`);
  process.exit(1);
}
if (longHistory) {
  if (store.read('Patient', LONG_HISTORY_PATIENT)) {
    out(`${file} already holds ${LONG_HISTORY_PATIENT}; pass --force to replace everything`);
    process.exit(1);
  }
  out(`adding ${LONG_HISTORY_PATIENT} with ${longHistory} observations ...`);
  const resources = longHistoryResources({ observations: longHistory, seed, end: DEFAULT_END });
  reports.push(loadResources(store, resources));
}
const report = {
  resources: reports.reduce((sum, r) => sum + r.resources, 0),
  ms: reports.reduce((sum, r) => sum + r.ms, 0),
};
store.db.pragma('wal_checkpoint(TRUNCATE)');
const observations = store.count('Observation');
store.close();
const mb = (statSync(file).size / 1e6).toFixed(1);
out(
  `${report.resources} resources (${observations} observations) in ${(report.ms / 1000).toFixed(1)} s ` +
    `(${Math.round(report.resources / (report.ms / 1000))}/s), ${mb} MB`,
);
