import { defaults } from '../config.ts';
import { BadRequest, FhirError } from '../errors.ts';
import { operationOutcome } from '../outcome.ts';
import type { FhirStore, PutResult } from '../store/store.ts';
import { EntryError, planEntry, type PlannedEntry } from './entries.ts';
import { checkSubject, resolveReferences } from './references.ts';

type Json = Record<string, unknown>;

const reasons: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

export interface BundleResult {
  response: Json;
  /** Resources written, by type. */
  written: Record<string, number>;
  /** Batch entries refused: index and reason; for an unexpected error (500), the error itself. */
  failed: { index: number; status: number; reason: string; cause?: unknown }[];
}

/** The Bundle's shape, before anything else: a transaction or batch with an entry array. */
export function bundleKind(body: unknown): 'transaction' | 'batch' {
  const b = body as Json | undefined;
  if (!b || b['resourceType'] !== 'Bundle') throw new BadRequest('POST [base] expects a Bundle');
  if (b['type'] !== 'transaction' && b['type'] !== 'batch') {
    throw new BadRequest("Bundle.type must be 'transaction' or 'batch'");
  }
  if (!Array.isArray(b['entry'])) throw new BadRequest('Bundle.entry must be an array');
  if (deeperThan(b, defaults.maxJsonDepth)) {
    throw new BadRequest(
      `The Bundle is nested deeper than ${defaults.maxJsonDepth} levels`,
      'too-costly',
    );
  }
  return b['type'];
}

/** Iterative, so the check itself cannot overflow the stack it protects. */
function deeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (!value || typeof value !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(value as object)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Processes a transaction (all entries in one SQLite transaction: every entry or none) or a batch
 * (each entry on its own). References between entries and conditional references are resolved first.
 */
export function processBundle(store: FhirStore, body: unknown): BundleResult {
  const kind = bundleKind(body);
  const raw = (body as { entry: unknown[] }).entry;
  const result: BundleResult = { response: {}, written: {}, failed: [] };
  const outcomes: Json[] = new Array<Json>(raw.length);

  const planned: PlannedEntry[] = [];
  raw.forEach((entry, index) => {
    try {
      planned.push(planEntry(store, entry, index));
    } catch (e) {
      if (kind === 'transaction') throw asBundleError(e, index);
      outcomes[index] = refused(result, e, index);
    }
  });
  const byFullUrl = new Map<string, string>();
  for (const p of planned) if (p.fullUrl) byFullUrl.set(p.fullUrl, `${p.type}/${p.id}`);
  const bundlePatients = new Set(planned.filter((p) => p.type === 'Patient').map((p) => p.id));
  const inBundle = (type: string, criteria: string): string | undefined => {
    const value = new URLSearchParams(criteria).get('identifier') ?? '';
    const [system, code] = value.includes('|') ? value.split('|', 2) : [undefined, value];
    const hit = planned.find(
      (p) =>
        p.type === type &&
        (
          (p.resource['identifier'] as { system?: string; value?: string }[] | undefined) ?? []
        ).some((i) => i.value === code && (system === undefined || i.system === system)),
    );
    return hit?.id;
  };

  const writeOne = (p: PlannedEntry): Json => {
    const resource = resolveReferences(store, p, byFullUrl, inBundle);
    checkSubject(store, resource, bundlePatients);
    if (p.existing) return { response: { status: '200 OK', location: `${p.type}/${p.id}` } };
    const put = store.put(resource);
    result.written[p.type] = (result.written[p.type] ?? 0) + 1;
    return { response: created(p, put) };
  };

  if (kind === 'transaction') {
    store.transaction(() => {
      for (const p of planned) {
        try {
          outcomes[p.index] = writeOne(p);
        } catch (e) {
          throw asBundleError(e, p.index);
        }
      }
    });
  } else {
    for (const p of planned) {
      try {
        outcomes[p.index] = store.transaction(() => writeOne(p));
      } catch (e) {
        outcomes[p.index] = refused(result, e, p.index);
      }
    }
  }
  result.response = {
    resourceType: 'Bundle',
    type: `${kind}-response`,
    entry: outcomes,
  };
  return result;
}

function created(p: PlannedEntry, put: PutResult): Json {
  return {
    status: put.created ? '201 Created' : '200 OK',
    location: `${p.type}/${p.id}/_history/${put.version}`,
    etag: `W/"${put.version}"`,
    lastModified: put.lastUpdated,
  };
}

/**
 * A batch entry's refusal. An unexpected error is that entry's 500, not the whole batch's: the
 * entries before it are stored, and the answer must say so, entry by entry.
 */
function refused(result: BundleResult, e: unknown, index: number): Json {
  const expected = e instanceof EntryError;
  const status = expected ? e.status : 500;
  const reason = expected ? e.message : 'Internal server error';
  result.failed.push({ index, status, reason, ...(expected ? {} : { cause: e }) });
  return {
    response: {
      status: `${status} ${reasons[status] ?? ''}`.trim(),
      outcome: operationOutcome(
        expected ? 'error' : 'fatal',
        expected ? 'processing' : 'exception',
        reason,
      ),
    },
  };
}

/** A transaction fails as a whole: the entry's problem, named by its index, with the entry's status. */
function asBundleError(e: unknown, index: number): unknown {
  if (!(e instanceof EntryError)) return e;
  const issue = e.status === 422 ? 'processing' : e.status === 404 ? 'not-found' : 'invalid';
  return new FhirError(
    e.status,
    issue,
    `Bundle.entry[${index}]: ${e.message}; nothing was written`,
  );
}
