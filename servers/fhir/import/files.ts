import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isReadableType } from '../config.ts';
import { BadRequest, FhirError } from '../errors.ts';
import type { FhirStore } from '../store/store.ts';
import { processBundle } from './process.ts';
import { setKey } from '../json.ts';

type Json = Record<string, unknown>;

export interface FileReport {
  file: string;
  /** Resources stored, by type. */
  loaded: Record<string, number>;
  /** What was left out, by `Type: reason` (e.g. `Claim: not stored by this server`), with counts. */
  skipped: Record<string, number>;
  /** Set when the file was refused as a whole; then nothing from it was written. */
  error?: string;
}

/**
 * Expands folders to their `.json` files in load order: Synthea's hospital and practitioner bundles
 * first (others reference them conditionally), then files named after patients (others reference
 * them), then the rest.
 */
export function listFiles(paths: string[]): string[] {
  const files: string[] = [];
  const visit = (p: string): void => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name));
    } else if (p.endsWith('.json')) files.push(p);
  };
  paths.forEach(visit);
  const rank = (f: string): number =>
    /^(hospital|practitioner)Information/.test(basename(f))
      ? 0
      : /^patient/i.test(basename(f))
        ? 1
        : 2;
  return files.sort((a, b) => rank(a) - rank(b));
}

/**
 * Imports one file. A transaction Bundle is loaded atomically (after leaving out resource types this
 * server does not serve); anything else (a single resource, a collection or searchset Bundle, a
 * batch) is loaded as a batch, so one unusable resource is reported instead of failing the rest.
 * Every entry is either stored or reported in `skipped` with its type and the reason.
 */
export function importFile(store: FhirStore, file: string): FileReport {
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { file, loaded: {}, skipped: {}, error: 'not valid JSON' };
  }
  return importJson(store, body, file);
}

/** The same, for JSON already in memory (the benchmark times this apart from disk reads). */
export function importJson(store: FhirStore, body: unknown, file: string): FileReport {
  const report: FileReport = { file, loaded: {}, skipped: {} };
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { ...report, error: 'not a FHIR resource' };
  }
  try {
    const kept = filterTypes(asBundle(body as Json), report);
    const entries = kept['entry'] as unknown[];
    const result = processBundle(store, kept);
    report.loaded = result.written;
    for (const f of result.failed) {
      const type = String(resourceOf(entries[f.index])?.['resourceType'] ?? 'an entry');
      count(report.skipped, `${type}: ${f.reason}`);
    }
  } catch (e) {
    // A refused transaction rolled back, so nothing of the file is stored. Only the class of an
    // unexpected error is shown: its message could quote the data.
    const why = e instanceof FhirError ? e.message : `an unexpected ${String((e as Error)?.name)}`;
    return { ...report, loaded: {}, error: why };
  }
  return report;
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An entry's resource when the entry and its resource are objects; anything else has none. */
function resourceOf(entry: unknown): Json | undefined {
  const resource = isObject(entry) ? entry['resource'] : undefined;
  return isObject(resource) ? resource : undefined;
}

function asBundle(body: Json): Json {
  if (
    body['resourceType'] === 'Bundle' &&
    (body['type'] === 'transaction' || body['type'] === 'batch')
  ) {
    if (!Array.isArray(body['entry'])) throw new BadRequest('Bundle.entry must be an array');
    return body;
  }
  // A collection or searchset: its entries, with their fullUrls so references between them resolve.
  const entries = body['resourceType'] === 'Bundle' ? (body['entry'] ?? []) : [{ resource: body }];
  if (!Array.isArray(entries)) throw new BadRequest('Bundle.entry must be an array');
  return {
    resourceType: 'Bundle',
    type: 'batch',
    entry: entries.map((entry: unknown) => {
      const fullUrl = isObject(entry) ? entry['fullUrl'] : undefined;
      const resource = resourceOf(entry);
      // An entry without a resource stays as it is: the batch refuses it, and the report says so.
      if (!resource) return entry;
      return {
        ...(typeof fullUrl === 'string' ? { fullUrl } : {}),
        resource,
        request:
          typeof resource['id'] === 'string'
            ? { method: 'PUT', url: `${String(resource['resourceType'])}/${resource['id']}` }
            : { method: 'POST', url: String(resource['resourceType']) },
      };
    }),
  };
}

/** Drops entries of unsupported types, and references to them (keeping any display text). */
function filterTypes(bundle: Json, report: FileReport): Json {
  const entries = bundle['entry'] as unknown[];
  const dropped = new Set<string>();
  const kept = entries.filter((e) => {
    const type = String(resourceOf(e)?.['resourceType'] ?? '');
    if (isReadableType(type)) return true;
    count(
      report.skipped,
      type ? `${type}: not stored by this server` : 'an entry without a resource: nothing to store',
    );
    const fullUrl = isObject(e) ? e['fullUrl'] : undefined;
    if (typeof fullUrl === 'string') dropped.add(fullUrl);
    return false;
  });
  if (dropped.size === 0) return { ...bundle, entry: kept };
  const strip = (value: unknown, type: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => strip(v, type));
    if (!value || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) {
      if (k === 'reference' && typeof v === 'string' && dropped.has(v)) {
        count(report.skipped, `${type}: references to left-out resources (display kept)`);
      } else setKey(out, k, strip(v, type));
    }
    return out;
  };
  return {
    ...bundle,
    entry: kept.map((e) => strip(e, String(resourceOf(e)?.['resourceType']))),
  };
}

function count(bag: Record<string, number>, key: string): void {
  bag[key] = (bag[key] ?? 0) + 1;
}
