// A test server that misbehaves on purpose: an HTTP proxy in front of the local FHIR server that answers
// the way other FHIR servers do (HAPI, cloud services), switched per test. It is a fixture, not a mock:
// every answer it does not alter comes from the real server.
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Misbehaviour {
  /** Answer this many FHIR reads with 429 and `Retry-After` before letting them through. */
  rateLimit?: { requests: number; retryAfterSeconds: number };
  /** Answer this many FHIR reads with 503 and an OperationOutcome, then recover. */
  unavailable?: number;
}

export interface MisbehavingFhir {
  /** The base URL the app is pointed at. */
  readonly baseUrl: string;
  /** Where requests go when not misbehaving (known once the stack has started). */
  setTarget(fhirBase: string): void;
  /** Replaces the behaviour (an empty object: behave). */
  set(behaviour: Misbehaviour): void;
  /** FHIR requests seen, by method and path (with query), preflights excluded. */
  readonly seen: string[];
  close(): Promise<void>;
}

const OUTCOME_503 = JSON.stringify({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'transient', diagnostics: 'Service deploying, try again' }],
});
const OUTCOME_429 = JSON.stringify({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'throttled', diagnostics: 'Rate limit exceeded' }],
});

export async function startMisbehavingFhir(): Promise<MisbehavingFhir> {
  let target: URL | undefined;
  let behaviour: Misbehaviour = {};
  let limited = 0;
  let unavailable = 0;
  const seen: string[] = [];

  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, body: string) => {
    const origin = req.headers.origin;
    res.writeHead(status, {
      'Content-Type': 'application/fhir+json',
      ...(status === 429
        ? { 'Retry-After': String(behaviour.rateLimit?.retryAfterSeconds ?? 1) }
        : {}),
      ...(origin
        ? {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Expose-Headers': 'Retry-After',
            Vary: 'Origin',
          }
        : {}),
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    if (!target) {
      res.writeHead(502).end();
      return;
    }
    const path = (req.url ?? '/').replace(/^\/fhir/, target.pathname);
    if (req.method !== 'OPTIONS') {
      seen.push(`${req.method} ${req.url}`);
      if (behaviour.rateLimit && limited < behaviour.rateLimit.requests) {
        limited += 1;
        refuse(req, res, 429, OUTCOME_429);
        return;
      }
      if (behaviour.unavailable && unavailable < behaviour.unavailable) {
        unavailable += 1;
        refuse(req, res, 503, OUTCOME_503);
        return;
      }
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path, headers: req.headers },
      (answer) => {
        if (!/json/.test(answer.headers['content-type'] ?? '')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        // As a reverse proxy does: the server's links name its own base; the app knows only ours.
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks)
            .toString('utf8')
            .replaceAll(target?.href ?? '', proxyBase);
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  const proxyBase = `http://localhost:${port}/fhir`;
  return {
    baseUrl: proxyBase,
    setTarget: (fhirBase) => {
      target = new URL(fhirBase);
    },
    set: (next) => {
      behaviour = next;
      limited = 0;
      unavailable = 0;
    },
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
