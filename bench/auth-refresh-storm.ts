/**
 * Refresh-token storm against the local authorization server, to see rotation, reuse detection and
 * the per-grant ordering under concurrent load: prints figures, asserts nothing.
 *
 *   npx tsx bench/auth-refresh-storm.ts [--sessions 20] [--concurrency 16] [--duration 20]
 *
 * Starts the server in this process on a free 127.0.0.1 port with a temporary data directory, signs
 * in `sessions` users through the hosted page (offline_access), then for `duration` seconds keeps
 * `concurrency` refresh_token grants in flight at `/v1/token`. A session is used by one request at a
 * time and always with its newest refresh token, as a browser tab would: replaying a rotated token
 * would (rightly) revoke the whole grant. Reports throughput, latency percentiles, errors, RSS and the
 * SQLite file size before and after, and whether every session still refreshes at the end.
 */
import { statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import {
  Browser,
  CLIENT_ID,
  loginForTokens,
  startTestServer,
  type TestServer,
} from '../test-support/auth.ts';
import { positiveOption } from './args.ts';

const SCOPE = 'openid profile email offline_access user/*.read';
const USERS = ['clinician@example.com', 'frontdesk@example.com', 'patient@example.com'];

const sessions = Math.floor(positiveOption('sessions', 20));
const concurrency = Math.floor(positiveOption('concurrency', 16));
const durationSeconds = positiveOption('duration', 20);

const out = (line = ''): void => void process.stdout.write(`${line}\n`);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Session {
  user: string;
  refreshToken: string;
  /** The granted scope, which okta-auth-js sends back on every refresh. */
  scope: string;
  refreshes: number;
}

interface Answer {
  status: number;
  body: string;
}

/** One POST over a keep-alive connection (node:http: less client overhead than fetch in-process). */
function post(agent: Agent, url: URL, form: URLSearchParams): Promise<Answer> {
  const body = form.toString();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          accept: 'application/json',
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

function refreshForm(session: Session): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: CLIENT_ID,
    refresh_token: session.refreshToken,
    scope: session.scope,
  });
}

function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  } catch {
    return 0;
  }
}

async function signIn(server: TestServer): Promise<Session[]> {
  const list: Session[] = [];
  for (let i = 0; i < sessions; i += 1) {
    const user = USERS[i % USERS.length] ?? 'clinician@example.com';
    const tokens = await loginForTokens(new Browser(), server.issuer, user, { scope: SCOPE });
    if (!tokens.refresh_token) throw new Error(`no refresh token for ${user}: ${tokens.error}`);
    list.push({ user, refreshToken: tokens.refresh_token, scope: tokens.scope, refreshes: 0 });
  }
  return list;
}

async function main(): Promise<void> {
  const server = await startTestServer();
  const tokenUrl = new URL(`${server.issuer}/v1/token`);
  if (!['127.0.0.1', 'localhost'].includes(tokenUrl.hostname)) {
    throw new Error(`refusing to load anything but this machine (${tokenUrl.host})`);
  }
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const sqlite = join(server.dataDir, 'auth.sqlite');
  try {
    out(`auth server ${server.issuer} (in-process, data in ${server.dataDir})`);
    out(`node ${process.version}, pid ${process.pid}`);
    const loginStarted = performance.now();
    const pool = await signIn(server);
    const loginMs = performance.now() - loginStarted;
    out(
      `signed in ${pool.length} sessions through the hosted page in ${(loginMs / 1000).toFixed(1)} s`,
    );

    // Warm-up: one refresh per session (JIT, connections, prepared statements).
    for (const session of pool) {
      const answer = await post(agent, tokenUrl, refreshForm(session));
      const body = JSON.parse(answer.body) as { refresh_token?: string };
      if (answer.status !== 200 || !body.refresh_token) {
        throw new Error(`warm-up refresh failed: ${answer.status} ${answer.body}`);
      }
      session.refreshToken = body.refresh_token;
    }

    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    const dbBefore = fileSize(sqlite);
    const idle = [...pool];
    const waiting: ((s: Session) => void)[] = [];
    const take = (): Promise<Session> => {
      const s = idle.shift();
      return s ? Promise.resolve(s) : new Promise((resolve) => waiting.push(resolve));
    };
    const give = (s: Session): void => {
      const next = waiting.shift();
      if (next) next(s);
      else idle.push(s);
    };

    const latencies: number[] = [];
    const errors = new Map<string, number>();
    const countError = (what: string): void => void errors.set(what, (errors.get(what) ?? 0) + 1);
    let dead = 0;
    const started = performance.now();
    const deadline = started + durationSeconds * 1000;
    const effective = Math.min(concurrency, pool.length);

    const worker = async (): Promise<void> => {
      while (performance.now() < deadline && dead < pool.length) {
        const session = await take();
        const t0 = performance.now();
        let rotated = false;
        try {
          const answer = await post(agent, tokenUrl, refreshForm(session));
          latencies.push(performance.now() - t0);
          const body = JSON.parse(answer.body) as { refresh_token?: string; error?: string };
          if (answer.status === 200 && body.refresh_token) {
            session.refreshToken = body.refresh_token;
            session.refreshes += 1;
            rotated = true;
          } else {
            countError(`${answer.status} ${body.error ?? 'no refresh_token'}`);
          }
        } catch (err) {
          latencies.push(performance.now() - t0);
          countError(err instanceof Error ? err.message : String(err));
        }
        // A session whose refresh failed cannot be trusted to hold a live token any more.
        if (rotated) give(session);
        else dead += 1;
      }
    };
    await Promise.all(Array.from({ length: effective }, worker));
    const elapsed = performance.now() - started;

    const rssAfter = process.memoryUsage().rss;
    const heapAfter = process.memoryUsage().heapUsed;
    const dbAfter = fileSize(sqlite);

    // Every surviving session must still refresh with its newest token.
    let stillValid = 0;
    for (const session of idle) {
      const answer = await post(agent, tokenUrl, refreshForm(session));
      if (answer.status === 200) stillValid += 1;
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    const ms = (x: number): string => `${x.toFixed(1)} ms`;
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    out();
    out(
      `refresh storm: ${pool.length} sessions, concurrency ${effective}` +
        `${effective < concurrency ? ` (asked ${concurrency}; one request per session at a time)` : ''}` +
        `, ${durationSeconds} s`,
    );
    out(
      `  requests     ${latencies.length} in ${(elapsed / 1000).toFixed(1)} s = ${((latencies.length / elapsed) * 1000).toFixed(1)} refreshes/s`,
    );
    out(
      `  latency      p50 ${ms(percentile(sorted, 0.5))}  p95 ${ms(percentile(sorted, 0.95))}  p99 ${ms(percentile(sorted, 0.99))}  max ${ms(sorted.at(-1) ?? NaN)}`,
    );
    out(`  errors       ${errorCount}`);
    for (const [what, n] of errors) out(`               ${n} × ${what}`);
    out(`  sessions     ${stillValid}/${pool.length} still refresh with their newest token`);
    const perSession = pool.map((s) => s.refreshes);
    out(
      `  per session  ${Math.min(...perSession)}–${Math.max(...perSession)} rotations (each one a new refresh token)`,
    );
    out(`  RSS          ${mb(rssBefore)} before, ${mb(rssAfter)} after`);
    out(`  heap used    ${mb(heapBefore)} before, ${mb(heapAfter)} after`);
    out(`  auth.sqlite  ${mb(dbBefore)} before, ${mb(dbAfter)} after (with WAL)`);
  } finally {
    agent.destroy();
    await server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
