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
import { randomUUID } from 'node:crypto';
import { messy, type Json } from './messy-resources.ts';
import type { Bundle, CapabilityStatement, Resource } from '../src/app/fhir/fhir-types.ts';

export interface Misbehaviour {
  /** Answer this many FHIR reads with 429 and `Retry-After` before letting them through. */
  rateLimit?: { requests: number; retryAfterSeconds: number };
  /** Answer this many FHIR reads with 503 and an OperationOutcome, then recover. */
  unavailable?: number;
  /** Searchsets without `Bundle.total`, as HAPI and cloud services often send them. */
  noTotals?: boolean;
  /** Paging links as relative URLs (relative to the base). */
  relativeLinks?: boolean;
  /** HAPI's paging: `?_getpages=<id>&_getpagesoffset=n` on the base, answered 410 Gone once expired. */
  hapiPaging?: { expireAfterMs: number };
  /** A `next` link on the last page, leading to a page with no entries. */
  emptyLastPage?: boolean;
  /** A CapabilityStatement without these types' searches, and without these parameters. */
  capabilityWithout?: { searches?: string[]; params?: Record<string, string[]> };
  /** Name searches match anywhere in the name ("ann" finds Hannah), as some servers do. */
  containsNames?: boolean;
  /** Any search with `_sort` is refused with 400 and an OperationOutcome. */
  refuseSort?: boolean;
  /** Totals are estimates, rounded to one significant figure, and the self link says `_total=estimate`. */
  estimatedTotals?: boolean;
  /** Patients and Observations come back as sparse and odd as real-world data (see messy()). */
  messyResources?: boolean;
  /** Every request for these types fails with 500 and an OperationOutcome: one store down, the rest up. */
  failingTypes?: string[];
  /**
   * Observation searches come back in id order whatever `_sort` asks (or when it asks nothing), as
   * from a server that cannot sort by date; ids that grow with time make that oldest first.
   */
  observationsInIdOrder?: boolean;
  /** Each searchset gains a copy of its first match that names another patient (a mixed-up index). */
  otherPatientEntry?: boolean;
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

/** A server that offers less: some types not searchable, some parameters not listed. */
function withoutCapabilities(
  statement: CapabilityStatement,
  without: NonNullable<Misbehaviour['capabilityWithout']>,
): CapabilityStatement {
  for (const resource of statement.rest?.flatMap((r) => r.resource ?? []) ?? []) {
    const type = resource.type ?? '';
    if (without.searches?.includes(type))
      resource.interaction = resource.interaction?.filter((i) => i.code !== 'search-type');
    const params = without.params?.[type] ?? [];
    resource.searchParam = resource.searchParam?.filter((p) => !params.includes(p.name ?? ''));
  }
  return statement;
}

/** One significant figure, as a server's estimate might be: 120 → 100. */
function estimate(total: number): number {
  if (total < 10) return total;
  const scale = 10 ** Math.floor(Math.log10(total));
  return Math.round(total / scale) * scale;
}

const OUTCOME_400_SORT = JSON.stringify({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'Sorting is not supported' }],
});
const OUTCOME_503 = JSON.stringify({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'transient', diagnostics: 'Service deploying, try again' }],
});
const OUTCOME_500_TYPE = JSON.stringify({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'exception', diagnostics: 'This resource store is offline' }],
});
const OUTCOME_410 = JSON.stringify({
  resourceType: 'OperationOutcome',
  issue: [
    {
      severity: 'error',
      code: 'processing',
      diagnostics: 'Search ID does not exist and may have expired',
    },
  ],
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
  /** HAPI-style stored searches: id → the real link it stands for, and when it was made. */
  const stored = new Map<string, { link: string; at: number }>();

  const writeJson = (req: IncomingMessage, res: ServerResponse, status: number, body: string) => {
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

  /** A searchset rewritten the way the behaviour asks; anything else passes unchanged. */
  const misbehave = (text: string): string => {
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      return text;
    }
    if (parsed['resourceType'] === 'CapabilityStatement' && behaviour.capabilityWithout) {
      const statement = parsed as CapabilityStatement;
      return JSON.stringify(withoutCapabilities(statement, behaviour.capabilityWithout));
    }
    if (behaviour.messyResources && parsed['resourceType'] !== 'Bundle') {
      messy(parsed, 0);
      return JSON.stringify(parsed);
    }
    const bundle = parsed as Bundle;
    if (bundle.resourceType !== 'Bundle' || bundle.type !== 'searchset') return text;
    if (behaviour.noTotals) delete bundle.total;
    // This server's links always carry both; the rewrites below keep them so.
    const links = (bundle.link ??= []) as { relation: string; url: string }[];
    const first = bundle.entry?.[0]?.resource;
    if (behaviour.otherPatientEntry && first) {
      const copy = structuredClone(first) as Resource & Json;
      copy['id'] = `${String(copy['id'])}-other`;
      for (const element of ['subject', 'patient'])
        if (copy[element]) copy[element] = { reference: 'Patient/zz-another-patient' };
      bundle.entry?.push({ resource: copy, search: { mode: 'match' } });
    }
    if (behaviour.messyResources) {
      (bundle.entry ?? []).forEach((entry, index) => {
        const resource = (entry as { resource?: Json }).resource;
        if (resource) messy(resource, index);
      });
    }
    if (behaviour.estimatedTotals && bundle.total !== undefined) {
      bundle.total = estimate(bundle.total);
      const self = links.find((l) => l.relation === 'self');
      if (self) {
        const url = new URL(self.url);
        url.searchParams.set('_total', 'estimate');
        self.url = url.href;
      }
    }
    if (behaviour.hapiPaging) {
      for (const link of links.filter((l) => ['next', 'previous', 'prev'].includes(l.relation))) {
        const id = randomUUID();
        stored.set(id, { link: link.url, at: Date.now() });
        const offset = new URL(link.url).searchParams.get('_offset') ?? '0';
        link.url = `${proxyBase}?_getpages=${id}&_getpagesoffset=${offset}`;
      }
    }
    if (
      behaviour.emptyLastPage &&
      (bundle.entry ?? []).length > 0 &&
      !links.some((l) => l.relation === 'next')
    ) {
      const self = links.find((l) => l.relation === 'self')?.url ?? proxyBase;
      links.push({
        relation: 'next',
        url: `${proxyBase}?_getpages=empty&from=${encodeURIComponent(self)}`,
      });
    }
    if (behaviour.relativeLinks) {
      for (const link of links) {
        if (link.url.startsWith(`${proxyBase}/`)) link.url = link.url.slice(proxyBase.length + 1);
        else if (link.url.startsWith(`${proxyBase}?`)) link.url = link.url.slice(proxyBase.length);
      }
    }
    return JSON.stringify(bundle);
  };

  /** The page after the last: no entries, and the way back. */
  const emptyPage = (url: string): Bundle => {
    const from = new URL(url, 'http://x').searchParams.get('from') ?? proxyBase;
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [],
      link: [
        { relation: 'self', url: `${proxyBase}${url.replace(/^\/fhir/, '')}` },
        { relation: 'previous', url: from },
      ],
    };
  };

  const server = createServer((req, res) => {
    if (!target) {
      res.writeHead(502).end();
      return;
    }
    let path = (req.url ?? '/').replace(/^\/fhir/, target.pathname);
    const pageId = new URL(req.url ?? '/', 'http://x').searchParams.get('_getpages');
    if (pageId !== null && req.method !== 'OPTIONS') {
      seen.push(`${req.method} ${req.url}`);
      const page = stored.get(pageId);
      if (pageId === 'empty') {
        writeJson(req, res, 200, JSON.stringify(emptyPage(req.url ?? '')));
        return;
      }
      if (!page || Date.now() - page.at > (behaviour.hapiPaging?.expireAfterMs ?? Infinity)) {
        writeJson(req, res, 410, OUTCOME_410);
        return;
      }
      path = page.link.replace(proxyBase, target.pathname);
    } else if (req.method !== 'OPTIONS') {
      seen.push(`${req.method} ${req.url}`);
      // Searches and reads misbehave; the capability statement, read once at start-up, does not, so
      // a journey counts its own requests.
      const discovery = /^\/fhir\/(metadata|\.well-known\/)/.test(req.url ?? '');
      if (!discovery && behaviour.rateLimit && limited < behaviour.rateLimit.requests) {
        limited += 1;
        writeJson(req, res, 429, OUTCOME_429);
        return;
      }
      if (!discovery && behaviour.unavailable && unavailable < behaviour.unavailable) {
        unavailable += 1;
        writeJson(req, res, 503, OUTCOME_503);
        return;
      }
      const type = /^\/fhir\/([A-Za-z]+)/.exec(req.url ?? '')?.[1] ?? '';
      if (behaviour.failingTypes?.includes(type)) {
        writeJson(req, res, 500, OUTCOME_500_TYPE);
        return;
      }
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      if (behaviour.refuseSort && query.has('_sort')) {
        writeJson(req, res, 400, OUTCOME_400_SORT);
        return;
      }
      if (behaviour.observationsInIdOrder && /^\/fhir\/Observation\?/.test(req.url ?? '')) {
        query.set('_sort', '_id');
        path = `${path.split('?')[0]}?${query.toString()}`;
      }
      if (behaviour.containsNames && query.has('name')) {
        for (const name of query.getAll('name')) query.append('name:contains', name);
        query.delete('name');
        path = `${path.split('?')[0]}?${query.toString()}`;
      }
    }
    // Asks for the content as it is, as a rewriting proxy must (nginx's sub_filter needs the same).
    const upstreamHeaders = { ...req.headers, 'accept-encoding': 'identity' };
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path,
        headers: upstreamHeaders,
      },
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
          const body = misbehave(
            Buffer.concat(chunks)
              .toString('utf8')
              .replaceAll(target?.href ?? '', proxyBase),
          );
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
      stored.clear();
    },
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
