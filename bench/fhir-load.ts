/**
 * FHIR load and soak, to see throughput hold and memory stay flat over a sustained run: prints
 * figures, asserts nothing.
 *
 *   tsx bench/fhir-load.ts [--duration 60] [--connections 32] [--warmup 5] [--data-dir DIR]
 *
 * Starts the real authorization server in-process (only to mint genuine tokens through the hosted
 * login) and the real FHIR server as a child process on free ports with a temporary data directory
 * (or --data-dir, e.g. a 10,000-patient store from bench/fhir-search.ts, which is kept), then drives a
 * mixed patient and observation search workload with autocannon. Reports throughput, latency
 * p50/p95/p99, non-2xx and error counts, and the server's RSS before, during and after.
 * All traffic goes to 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { silentLogger } from '../servers/auth/logger.ts';
import { startAuthServer } from '../servers/auth/server.ts';
import { APP_ORIGIN, Browser, loginForTokens } from '../test-support/auth.ts';
import { freePort, stopAll, tsEntry, waitForUrl } from '../servers/launch.ts';
import { flag, option, positiveOption } from './args.ts';

const duration = positiveOption('duration', 60);
const connections = positiveOption('connections', 32);
// 0 skips the warm-up.
const warmup = Number(option('warmup', '5'));
const keepData = flag('data-dir');
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
const root = resolve(import.meta.dirname, '..');

/** Resident set size of a process we started, from the kernel (kB → MB). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const authDir = mkdtempSync(join(tmpdir(), 'fhir-load-auth-'));
  const fhirDir = keepData
    ? resolve(option('data-dir', '.'))
    : mkdtempSync(join(tmpdir(), 'fhir-load-fhir-'));
  const fhirPort = await freePort();
  const fhirBase = `http://localhost:${fhirPort}/fhir`;
  const auth = await startAuthServer({
    port: 0,
    dataDir: authDir,
    appOrigin: APP_ORIGIN,
    fhirBase,
    logger: silentLogger,
  });
  // The real entry point; its one-line-per-request log goes to /dev/null, not into our memory.
  const { command, args: nodeArgs } = tsEntry(join(root, 'servers/fhir/main.ts'));
  const child = spawn(command, nodeArgs, {
    env: {
      ...process.env,
      FHIR_PORT: String(fhirPort),
      DATA_DIR: fhirDir,
      ISSUER: auth.issuer,
      APP_ORIGIN,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fhir = { name: 'fhir', child };
  const cleanup = async (): Promise<void> => {
    await stopAll([fhir]);
    await auth.close();
    rmSync(authDir, { recursive: true, force: true });
    if (!keepData) rmSync(fhirDir, { recursive: true, force: true });
  };
  try {
    await waitForUrl(`${fhirBase}/metadata`, fhir);
    const pid = fhir.child.pid;
    if (pid === undefined) throw new Error('the FHIR server has no pid');

    // Genuine tokens from the hosted login, as the app would hold them.
    const token = async (user: string, scope: string): Promise<string> =>
      (await loginForTokens(new Browser(), auth.issuer, user, { scope })).access_token;
    const clinician = await token('clinician@example.com', 'openid profile user/*.read');
    const patient = await token('patient@example.com', 'openid profile patient/*.read');

    const target = `http://127.0.0.1:${fhirPort}`;
    const get = async (path: string): Promise<Record<string, unknown>> => {
      const res = await fetch(`${target}/fhir${path}`, {
        headers: { Authorization: `Bearer ${clinician}` },
      });
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const nPatients = Number((await get('/Patient?_summary=count'))['total']);
    const nObs = Number((await get('/Observation?_summary=count'))['total']);
    const prefixes = [
      ...new Set(
        (
          (await get('/Patient?_count=200'))['entry'] as {
            resource: { name?: { family?: string }[] };
          }[]
        )
          .map((e) => e.resource.name?.[0]?.family?.slice(0, 3).toLowerCase())
          .filter((f): f is string => !!f),
      ),
    ];
    const codes = [
      '8867-4',
      '85354-9',
      '29463-7',
      '8310-5',
      '2339-0',
      '4548-4',
      '2093-3',
      '9279-1',
    ];
    out(`store: ${nPatients} patients, ${nObs} observations (${fhirDir})`);

    // Deterministic pseudo-random choices, so two runs send the same mix.
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pat = (): string => `pat-${String(1 + rnd(Math.min(nPatients, 9999))).padStart(4, '0')}`;
    const bearer = (t: string): Record<string, string> => ({
      authorization: `Bearer ${t}`,
      accept: 'application/fhir+json',
    });
    const templates: { name: string; path: () => string; token: string }[] = [
      {
        name: 'Patient?name=<prefix>&_count=20',
        path: () =>
          `/fhir/Patient?name=${encodeURIComponent(prefixes[rnd(prefixes.length)] ?? 'a')}&_count=20`,
        token: clinician,
      },
      {
        name: 'Observation?patient=X&_sort=-date&_count=50',
        path: () => `/fhir/Observation?patient=${pat()}&_sort=-date&_count=50`,
        token: clinician,
      },
      {
        name: 'Observation?patient=X&_sort=-date&_count=20&_offset=80 (page 5)',
        path: () => `/fhir/Observation?patient=${pat()}&_sort=-date&_count=20&_offset=80`,
        token: clinician,
      },
      {
        name: 'Observation?patient=X&code=<loinc>&date=ge2020',
        path: () =>
          `/fhir/Observation?patient=${pat()}&code=http%3A%2F%2Floinc.org%7C${codes[rnd(codes.length)] ?? '8867-4'}&date=ge2020-01-01`,
        token: clinician,
      },
      {
        name: 'Patient/X (read)',
        path: () => `/fhir/Patient/${pat()}`,
        token: clinician,
      },
      {
        name: 'Observation?category=vital-signs (patient token, narrowed)',
        path: () => `/fhir/Observation?category=vital-signs&_count=20`,
        token: patient,
      },
    ];
    out(`workload (round robin per connection):`);
    for (const t of templates) out(`  - ${t.name}`);
    const requests: autocannon.Request[] = templates.map((t) => ({
      method: 'GET',
      path: t.path(),
      headers: bearer(t.token),
      setupRequest: (req: autocannon.Request) => ({ ...req, path: t.path() }),
    }));

    const perSecond: number[] = [];
    const reqErrors = new Map<string, number>();
    const run = (seconds: number, latencies?: number[]): Promise<autocannon.Result> =>
      new Promise((done, fail) => {
        const instance = autocannon(
          { url: target, connections, duration: seconds, requests, timeout: 10 },
          (err: unknown, result: autocannon.Result) => (err ? fail(err) : done(result)),
        );
        if (latencies) {
          const started = performance.now();
          instance.on('response', (_client, _status, _bytes, responseTime) => {
            latencies.push(responseTime);
            const second = Math.floor((performance.now() - started) / 1000);
            perSecond[second] = (perSecond[second] ?? 0) + 1;
          });
          instance.on('reqError', (e: unknown) => {
            const key = e instanceof Error ? e.message : String(e);
            reqErrors.set(key, (reqErrors.get(key) ?? 0) + 1);
          });
        }
      });

    if (warmup > 0) {
      out(`warm-up: ${warmup} s`);
      await run(warmup);
    }
    const rssBefore = rssMb(pid);
    out(`server RSS before: ${rssBefore.toFixed(1)} MB`);
    out(`load: ${connections} connections for ${duration} s ...`);
    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(rssMb(pid)), 1000);
    const latencies: number[] = [];
    const result = await run(duration, latencies);
    clearInterval(sampler);
    const rssAfter = rssMb(pid);
    await new Promise((r) => setTimeout(r, 3000));
    const rssIdle = rssMb(pid);

    const sorted = Float64Array.from(latencies).sort();
    const total = result.requests.total;
    out('');
    out(`requests:       ${total} in ${result.duration.toFixed(1)} s`);
    out(
      `throughput:     ${(total / result.duration).toFixed(0)} req/s (autocannon mean ${result.requests.average.toFixed(0)}, min ${result.requests.min}, max ${result.requests.max} per second); ${(result.throughput.average / 1e6).toFixed(2)} MB/s`,
    );
    out(
      `latency (ms):   p50 ${percentile(sorted, 50).toFixed(2)}  p95 ${percentile(sorted, 95).toFixed(2)}  p99 ${percentile(sorted, 99).toFixed(2)}  max ${(sorted[sorted.length - 1] ?? NaN).toFixed(2)}  (autocannon p50 ${result.latency.p50} p97.5 ${result.latency.p97_5} p99 ${result.latency.p99})`,
    );
    out(
      `responses:      2xx ${result['2xx']}  non-2xx ${result.non2xx} (4xx ${result['4xx']}, 5xx ${result['5xx']})`,
    );
    out(`errors:         ${result.errors} (timeouts ${result.timeouts})`);
    for (const [message, n] of reqErrors) out(`  ${n} × ${message}`);
    out(
      `server RSS:     before ${rssBefore.toFixed(1)} MB, peak ${Math.max(...rssSamples, rssAfter).toFixed(1)} MB, after ${rssAfter.toFixed(1)} MB, 3 s idle ${rssIdle.toFixed(1)} MB`,
    );
    const fives: number[] = [];
    const seconds = Array.from(
      { length: Math.floor(result.duration) },
      (_, k) => perSecond[k] ?? 0,
    );
    for (let k = 0; k < seconds.length; k += 5) {
      const slice = seconds.slice(k, k + 5);
      fives.push(slice.reduce((a, b) => a + b, 0) / slice.length);
    }
    out(`req/s per 5 s:  ${fives.map((r) => r.toFixed(0)).join(' ')}`);
    const third = Math.floor(rssSamples.length / 3);
    if (third > 0) {
      const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      out(
        `RSS by thirds:  ${avg(rssSamples.slice(0, third)).toFixed(1)} → ${avg(rssSamples.slice(third, 2 * third)).toFixed(1)} → ${avg(rssSamples.slice(2 * third)).toFixed(1)} MB (mean of 1 s samples)`,
      );
    }
  } finally {
    await cleanup();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
