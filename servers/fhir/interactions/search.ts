import type { Request, Response } from 'express';
import { authorize, type Decision } from '../auth/scopes.ts';
import type { Caller } from '../auth/token.ts';
import { isReadableType, isSearchableType } from '../config.ts';
import { InsufficientScope, MethodNotAllowed, NotFound } from '../errors.ts';
import { sendFhir, setResultCount } from '../respond.ts';
import { searchsetBundle } from '../search/bundle.ts';
import { parseSearch } from '../search/parse.ts';
import { valuesAt } from '../search/clinical-declaration.ts';
import { clinical, isClinicalType, type ClinicalType } from '../search/clinical.ts';
import { referenceOf } from '../store/clinical-index.ts';
import type { FhirStore, StoredResource } from '../store/store.ts';

/** `Prefer: handling=strict` (FHIR R4 §3.1.1.4.5); any other value or none is lenient. */
export function wantsStrict(prefer: string | undefined): boolean {
  return /(^|[,;\s])handling\s*=\s*strict\b/i.test(prefer ?? '');
}

/**
 * `GET [type]?...`: parse and check first, then authorize (a `patient/` token is silently narrowed to
 * its compartment), then run the query and assemble the searchset.
 */
export function search(store: FhirStore, baseUrl: string) {
  return (req: Request, res: Response): void => {
    const type = String(req.params['type']);
    if (!isSearchableType(type)) {
      if (isReadableType(type))
        throw new MethodNotAllowed(`${type} supports read only, not search`);
      throw new NotFound(`Resource type '${type}' is not supported`);
    }
    const caller = res.locals['caller'] as Caller;
    const decision = authorize(caller.grants, type, 'search', caller.patient, caller.scheme);
    const q = req.originalUrl.indexOf('?');
    const entries = [...new URLSearchParams(q < 0 ? '' : req.originalUrl.slice(q + 1))];
    const query = parseSearch(type, entries, wantsStrict(req.get('prefer')), baseUrl);
    const { total, rows } = store.search(query, decision);
    const included = query.includeSubject
      ? includedPatients(store, caller, rows)
      : query.includeReferences.length > 0 && isClinicalType(type)
        ? includedReferences(store, caller, type, query.includeReferences, rows)
        : [];
    setResultCount(res, total ?? rows.length);
    sendFhir(res, 200, searchsetBundle(baseUrl, query, total, rows, included));
  };
}

/** `_include=Observation:subject`: the page's patients, each passing the check a direct read would. */
function includedPatients(
  store: FhirStore,
  caller: Caller,
  rows: StoredResource[],
): StoredResource[] {
  let decision: Decision;
  try {
    decision = authorize(caller.grants, 'Patient', 'read', caller.patient, caller.scheme);
  } catch (e) {
    // Without Patient read access, the included resources are simply left out.
    if (e instanceof InsufficientScope) return [];
    throw e;
  }
  const ids = new Set(rows.map((r) => r.compartment).filter((c): c is string => c !== null));
  return [...ids]
    .filter((id) => decision.compartment === undefined || id === decision.compartment)
    .map((id) => store.read('Patient', id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined);
}

/**
 * `_include=DiagnosticReport:result` and the like: the resources the page's rows reference through
 * that parameter, each passing the check a direct read would (scope and compartment); what the
 * token may not read is left out.
 */
function includedReferences(
  store: FhirStore,
  caller: Caller,
  type: ClinicalType,
  params: string[],
  rows: StoredResource[],
): StoredResource[] {
  const paths = clinical[type].references
    .filter((r) => params.includes(r.param))
    .flatMap((r) => r.paths);
  const refs = new Set<string>();
  for (const row of rows) {
    const resource = JSON.parse(row.json) as Record<string, unknown>;
    for (const path of paths) {
      for (const ref of valuesAt(resource, path).map(referenceOf)) if (ref) refs.add(ref);
    }
  }
  const out: StoredResource[] = [];
  const decisions = new Map<string, Decision | undefined>();
  for (const ref of refs) {
    const m = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(ref);
    if (!m?.[1] || !m[2] || !isReadableType(m[1])) continue;
    const target = m[1];
    if (!decisions.has(target)) {
      try {
        decisions.set(
          target,
          authorize(caller.grants, target, 'read', caller.patient, caller.scheme),
        );
      } catch (e) {
        if (!(e instanceof InsufficientScope)) throw e;
        decisions.set(target, undefined);
      }
    }
    const decision = decisions.get(target);
    const found = decision ? store.read(target, m[2]) : undefined;
    if (!decision || !found) continue;
    if (decision.compartment !== undefined && !store.inCompartment(found, decision.compartment)) {
      continue;
    }
    out.push(found);
  }
  return out;
}
