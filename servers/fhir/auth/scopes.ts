import { InsufficientScope } from '../errors.ts';

/**
 * SMART App Launch scopes, v1 (`user/Patient.read`, `.write`, `.*`) and v2 (`user/Patient.rs`,
 * `.cruds`). A v2 scope with a `?` query (granular scopes) is not understood and grants nothing:
 * ignoring the restriction would grant more than was meant.
 */
export type Action = 'read' | 'search' | 'write';
export type Context = 'patient' | 'user' | 'system';

export interface Grant {
  context: Context;
  /** A resource type or `*`. */
  type: string;
  actions: ReadonlySet<Action>;
}

const scopePattern = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)$/;

export function parseScopes(scope: string): Grant[] {
  const grants: Grant[] = [];
  for (const s of scope.split(/\s+/)) {
    const m = scopePattern.exec(s);
    if (!m) continue;
    const [, context, type, permission] = m as unknown as [string, Context, string, string];
    const actions = permissions(permission);
    if (actions.size) grants.push({ context, type, actions });
  }
  return grants;
}

function permissions(p: string): Set<Action> {
  if (p === 'read') return new Set(['read', 'search']);
  if (p === 'write') return new Set(['write']);
  if (p === '*') return new Set(['read', 'search', 'write']);
  // v2: a subsequence of c r u d s, in that order.
  if (!/^c?r?u?d?s?$/.test(p)) return new Set();
  const out = new Set<Action>();
  if (p.includes('r')) out.add('read');
  if (p.includes('s')) out.add('search');
  if (p.includes('c') || p.includes('u')) out.add('write');
  return out;
}

/** Resource types outside every patient's compartment: a patient app may read them. */
const sharedTypes = new Set(['Practitioner', 'Organization']);

export interface Decision {
  /** Set when only a `patient/` scope allowed it: every read and search stays in this compartment. */
  compartment?: string;
}

/**
 * Decides whether the token may perform `action` on `type`. A `user/` or `system/` grant allows it
 * outright; otherwise a `patient/` grant allows it inside the token's `patient` compartment.
 */
export function authorize(
  grants: Grant[],
  type: string,
  action: Action,
  patient: string | undefined,
  scheme: 'Bearer' | 'DPoP' = 'Bearer',
): Decision {
  const covers = (g: Grant): boolean =>
    (g.type === '*' || g.type === type) && g.actions.has(action);
  if (grants.some((g) => g.context !== 'patient' && covers(g))) return {};
  if (action !== 'write' && grants.some((g) => g.context === 'patient' && covers(g))) {
    if (sharedTypes.has(type)) return {};
    if (patient) return { compartment: patient };
  }
  const v1 = action === 'write' ? 'write' : 'read';
  throw new InsufficientScope(`user/${type}.${v1}`, scheme);
}

/**
 * Refuses a token that may write nothing at all, before a write body is read: parsing megabytes for
 * a caller who will be refused anyway is work an attacker can make us do. Each entry's type is still
 * checked once the body is parsed.
 */
export function authorizeSomeWrite(grants: Grant[], scheme: 'Bearer' | 'DPoP' = 'Bearer'): void {
  if (!grants.some((g) => g.context !== 'patient' && g.actions.has('write')))
    throw new InsufficientScope('user/*.write', scheme);
}
