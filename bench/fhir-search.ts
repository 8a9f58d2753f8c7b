/**
 * FHIR search benchmark: prints figures, asserts nothing (a timed assertion fails on a busy machine,
 * not on slow code).
 *
 *   tsx bench/fhir-search.ts [--patients 1000] [--requests 300] [--dir DIR] [--no-import]
 *
 * Seeds a store (or reuses one in --dir, created if missing, so the 10,000-patient store, about
 * 1.8 GB and a minute and a half to seed, is built once), runs the FHIR server in a child process (so the load
 * generator does not share its event loop), and reports p50/p95/p99 and requests/s at concurrency
 * 1 and 16 over HTTP with a valid token, the same queries run directly on the store, their p50
 * ratio, and the Synthea import rate.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Random } from '../servers/seed/random.ts';
import { seedStore } from '../servers/fhir/seed-store.ts';
import { FhirStore } from '../servers/fhir/store/store.ts';
import { parseSearch } from '../servers/fhir/search/parse.ts';
import { searchsetBundle } from '../servers/fhir/search/bundle.ts';
import { mintToken, startIssuer } from '../test-support/fhir.ts';
import { importJson, listFiles } from '../servers/fhir/import/files.ts';
import { stats, fmt, type Stats } from './fhir-stats.ts';
import { flag, option, positiveOption } from './args.ts';

const patients = positiveOption('patients', 1000);
const requests = positiveOption('requests', 300);
const keep = flag('dir');
const dir = keep ? resolve(option('dir', '')) : mkdtempSync(join(tmpdir(), 'fhir-bench-'));
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
// The repository root, from this script's own path (bench/ is CommonJS, so no import.meta).
const root = resolve(dirname(resolve(process.argv[1] ?? '.')), '..');

/**
 * The seed writes no encounters: give each patient 20 (deterministic, one transaction, once per
 * store) so the chart's Encounter query is measured on a realistic table.
 */
function addEncounters(store: FhirStore, nPatients: number): void {
  if (store.count('Encounter') > 0) return;
  const started = performance.now();
  const rnd = new Random(11);
  const types = ['185349003', '162673000', '50849002', '183452005'];
  store.transaction(() => {
    for (let p = 1; p <= nPatients; p++) {
      const patient = `pat-${String(p).padStart(4, '0')}`;
      for (let i = 0; i < 20; i++) {
        const start = Date.UTC(2015, 0, 1) + rnd.int(0, 10 * 365) * 86_400_000;
        store.put(
          {
            resourceType: 'Encounter',
            id: `enc-${patient}-${i}`,
            meta: { versionId: '1', lastUpdated: '2026-01-01T00:00:00Z' },
            status: 'finished',
            class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
            type: [{ coding: [{ system: 'http://snomed.info/sct', code: rnd.pick(types) }] }],
            subject: { reference: `Patient/${patient}` },
            period: {
              start: new Date(start).toISOString(),
              end: new Date(start + 3_600_000).toISOString(),
            },
          },
          { keepMeta: true },
        );
      }
    }
  });
  store.db.exec('ANALYZE');
  out(`encounters: ${nPatients * 20} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  // 1. The store.
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fhir.sqlite');
  const store = new FhirStore(file);
  if (store.isEmpty()) {
    out(`seeding ${patients} patients into ${dir} ...`);
    const r = seedStore(store, { patients, seed: 20_240_601 });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    out(
      `seed: ${r.resources} resources in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.resources / (r.ms / 1000))}/s)`,
    );
  }
  // Read the file once so every run starts from the OS page cache, not from whichever pages the
  // seed or a previous run happened to leave there.
  const warmStarted = performance.now();
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 22);
  while (readSync(fd, chunk, 0, chunk.length, null) > 0);
  closeSync(fd);
  out(`page cache warmed in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
  const nPatients = store.count('Patient');
  const nObs = store.count('Observation');
  addEncounters(store, nPatients);
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
  const issuer = await startIssuer();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}/fhir`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'servers/fhir/main.ts')], {
    env: { ...process.env, FHIR_PORT: String(port), DATA_DIR: dir, ISSUER: issuer.issuer },
    stdio: 'ignore',
  });
  await waitFor(`${baseUrl}/metadata`);
  const token = await mintToken(issuer, baseUrl, { scope: 'openid user/*.read', expiresIn: 3600 });
  // node:http with keep-alive costs the load generator far less CPU than fetch, and 127.0.0.1
  // skips a name lookup per request; the server checks the token's aud, not the Host header.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const direct = baseUrl.replace('//localhost:', '//127.0.0.1:');
  const get = (path: string): Promise<void> =>
    new Promise((ok, fail) => {
      request(
        `${direct}/${path}`,
        { agent, headers: { Authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? ok() : fail(new Error(`${path}: ${res.statusCode}`)),
          );
        },
      )
        .on('error', fail)
        .end();
    });
  for (let i = 0; i < 50; i++) await get(queries[1]?.path() ?? ''); // warm up (JIT, JWKS fetch)

  const http = async (q: (typeof queries)[number], concurrency: number): Promise<Stats> => {
    const times: number[] = [];
    let left = requests * (concurrency > 1 ? 4 : 1);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left-- > 0) {
          const t = performance.now();
          await get(q.path());
          times.push(performance.now() - t);
        }
      }),
    );
    return stats(times, performance.now() - started);
  };

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
  agent.destroy();
  child.kill('SIGTERM');
  await issuer.close();

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

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

void main();
