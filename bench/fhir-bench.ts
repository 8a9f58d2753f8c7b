/**
 * What the FHIR benchmarks share: a seeded store built once per directory and read into the page
 * cache, the real server in a child process with a valid token, and timed GETs at a concurrency.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { seedStore } from '../servers/fhir/seed-store.ts';
import { FhirStore } from '../servers/fhir/store/store.ts';
import { freePort, stopAll, waitForUrl } from '../servers/launch.ts';
import { mintToken, startIssuer } from '../test-support/fhir.ts';
import { stats, type Stats } from './fhir-stats.ts';

export const out = (line = ''): boolean => process.stdout.write(`${line}\n`);

/**
 * Opens the store in `dir`, seeding `patients` first when it is empty (the 10,000-patient store takes
 * minutes, so a kept --dir is built once), then reads the file once so every run starts from the OS
 * page cache, not from whichever pages the seed or a previous run happened to leave there.
 */
export function openSeededStore(dir: string, patients: number): { store: FhirStore; file: string } {
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
  const warmStarted = performance.now();
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 22);
  while (readSync(fd, chunk, 0, chunk.length, null) > 0);
  closeSync(fd);
  out(`page cache warmed in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);
  return { store, file };
}

export interface BenchServer {
  /**
   * GETs `path` (relative to the FHIR base) with the token; resolves with the HTTP status. `strict`
   * sends `Prefer: handling=strict`, so a parameter the server does not know is refused, not ignored.
   */
  get(path: string, strict?: boolean): Promise<number>;
  close(): Promise<void>;
}

/** The real FHIR server on `dir` in a child process (so the load generator does not share its event loop). */
export async function startBenchServer(root: string, dir: string): Promise<BenchServer> {
  const issuer = await startIssuer();
  const port = await freePort();
  const baseUrl = `http://localhost:${port}/fhir`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'servers/fhir/main.ts')], {
    env: { ...process.env, FHIR_PORT: String(port), DATA_DIR: dir, ISSUER: issuer.issuer },
    stdio: 'ignore',
  });
  const fhir = { name: 'fhir', child };
  await waitForUrl(`${baseUrl}/metadata`, fhir);
  const token = await mintToken(issuer, baseUrl, { scope: 'openid user/*.read', expiresIn: 3600 });
  // node:http with keep-alive costs the load generator far less CPU than fetch, and 127.0.0.1
  // skips a name lookup per request; the server checks the token's aud, not the Host header.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const direct = baseUrl.replace('//localhost:', '//127.0.0.1:');
  return {
    get: (path, strict = false) =>
      new Promise((ok, fail) => {
        const headers = {
          Authorization: `Bearer ${token}`,
          ...(strict ? { Prefer: 'handling=strict' } : {}),
        };
        request(`${direct}/${path}`, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => ok(res.statusCode ?? 0));
        })
          .on('error', fail)
          .end();
      }),
    close: async () => {
      agent.destroy();
      await stopAll([fhir]);
      await issuer.close();
    },
  };
}

/** `requests` GETs of `path()` (×4 when concurrent) from `concurrency` workers; any non-200 fails the run. */
export async function timeGets(
  server: BenchServer,
  path: () => string,
  requests: number,
  concurrency: number,
): Promise<Stats> {
  const times: number[] = [];
  let left = requests * (concurrency > 1 ? 4 : 1);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const p = path();
        const t = performance.now();
        const status = await server.get(p);
        times.push(performance.now() - t);
        if (status !== 200) throw new Error(`${p}: ${status}`);
      }
    }),
  );
  return stats(times, performance.now() - started);
}
