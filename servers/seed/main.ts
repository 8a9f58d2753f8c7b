import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaults } from '../fhir/config.ts';
import { seedStore } from '../fhir/seed-store.ts';
import { FhirStore } from '../fhir/store/store.ts';

/**
 * `tsx servers/seed/main.ts [--patients N] [--seed S] [--data-dir DIR] [--force]`: writes synthetic
 * data into `${DATA_DIR}/fhir.sqlite`. `--patients 10000` gives about a million observations.
 */
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = (line: string): boolean => process.stdout.write(`${line}\n`);
const patients = Number(option('patients') ?? defaults.seedPatients);
const seed = Number(option('seed') ?? defaults.seed);
const dataDir = resolve(option('data-dir') ?? process.env['DATA_DIR'] ?? '.data');
if (!Number.isInteger(patients) || patients < 1 || !Number.isInteger(seed)) {
  out('usage: seed [--patients N] [--seed S] [--data-dir DIR] [--force]');
  process.exit(2);
}
const file = resolve(dataDir, 'fhir.sqlite');
if (existsSync(file) && args.includes('--force')) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
const store = new FhirStore(file);
if (!store.isEmpty()) {
  out(`${file} already holds data; pass --force to replace it`);
  process.exit(1);
}
out(`seeding ${patients} patients (seed ${seed}) into ${file} ...`);
const report = seedStore(store, { patients, seed });
store.db.pragma('wal_checkpoint(TRUNCATE)');
const observations = store.count('Observation');
store.close();
const mb = (statSync(file).size / 1e6).toFixed(1);
out(
  `${report.resources} resources (${observations} observations) in ${(report.ms / 1000).toFixed(1)} s ` +
    `(${Math.round(report.resources / (report.ms / 1000))}/s), ${mb} MB`,
);
