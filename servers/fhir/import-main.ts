import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { importFile, listFiles } from './import/files.ts';
import { FhirStore } from './store/store.ts';

/**
 * `tsx servers/fhir/import-main.ts [--data-dir DIR] <files or folders>...`: bulk-loads FHIR JSON
 * (Synthea transaction Bundles, single resources, collections) into `${DATA_DIR}/fhir.sqlite`.
 * Each file is all-or-nothing; the summary says what was loaded and what was skipped and why.
 */
const args = process.argv.slice(2);
let dataDir = process.env['DATA_DIR'] ?? '.data';
const paths: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data-dir') dataDir = args[++i] ?? dataDir;
  else if (args[i]) paths.push(args[i] as string);
}
const out = (line: string): boolean => process.stdout.write(`${line}\n`);
if (paths.length === 0) {
  out('usage: import [--data-dir DIR] <files or folders>...');
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });
const store = new FhirStore(resolve(dataDir, 'fhir.sqlite'));
const files = listFiles(paths);
const started = performance.now();
let resources = 0;
let failedFiles = 0;
files.forEach((file, i) => {
  const report = importFile(store, file);
  const loaded = Object.values(report.loaded).reduce((a, b) => a + b, 0);
  resources += loaded;
  const what =
    Object.entries(report.loaded)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ') || 'nothing';
  out(
    `[${i + 1}/${files.length}] ${file}: ${report.error ? `REFUSED (${report.error})` : `loaded ${what}`}`,
  );
  if (report.error) failedFiles++;
  for (const [reason, n] of Object.entries(report.skipped)) out(`    skipped ${n}: ${reason}`);
});
const seconds = (performance.now() - started) / 1000;
out(
  `${resources} resources from ${files.length - failedFiles}/${files.length} files in ${seconds.toFixed(1)} s ` +
    `(${Math.round(resources / Math.max(seconds, 0.001))} resources/s)`,
);
store.close();
process.exit(failedFiles ? 1 : 0);
