import { InsufficientScope } from '../errors.ts';
import {
  allows,
  type Permission,
  type ScopeContext,
  type SmartScope,
} from '../../../protocol/smart-scopes.ts';

/**
 * What a token's SMART scopes (parsed by protocol/smart-scopes.ts) allow here. A granular v2 scope
 * (with `?`) grants nothing: this server cannot enforce its restriction, and ignoring it would grant
 * more than was meant.
 */
export type Action = 'read' | 'search' | 'write';
export type Grant = SmartScope;

/** v2 letters per interaction: a write here creates or updates (a Bundle of PUTs and POSTs). */
const PERMISSIONS = new Map<Action, readonly Permission[]>([
  ['read', ['r']],
  ['search', ['s']],
  ['write', ['c', 'u']],
]);
const NOT_PATIENT: readonly ScopeContext[] = ['user', 'system'];

function covers(
  grants: readonly Grant[],
  type: string,
  action: Action,
  contexts: readonly ScopeContext[],
): boolean {
  return (PERMISSIONS.get(action) ?? []).some((p) => allows(grants, type, p, { contexts }));
}

/**
 * Resource types outside every patient's compartment (R4 CompartmentDefinition `patient`), which the
 * chart's references point to: a patient app may read them.
 */
const sharedTypes = new Set([
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
  'Medication',
]);

export interface Decision {
  /** Set when only a `patient/` scope allowed it: every read and search stays in this compartment. */
  compartment?: string;
}

/**
 * Decides whether the token may perform `action` on `type`. A `user/` or `system/` grant allows it
 * outright; otherwise a `patient/` grant allows it inside the token's `patient` compartment (a shared
 * type wherever it is), and only when the token has that claim.
 */
export function authorize(
  grants: Grant[],
  type: string,
  action: Action,
  patient: string | undefined,
  scheme: 'Bearer' | 'DPoP' = 'Bearer',
): Decision {
  if (covers(grants, type, action, NOT_PATIENT)) return {};
  // The claim first, for every type: a `patient/` token that names no patient is a broken grant,
  // and it must not read even the types outside every compartment (fail closed).
  if (patient && action !== 'write' && covers(grants, type, action, ['patient'])) {
    return sharedTypes.has(type) ? {} : { compartment: patient };
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
  const writes = (g: Grant) =>
    NOT_PATIENT.includes(g.context) &&
    g.query === undefined &&
    (g.permissions.has('c') || g.permissions.has('u'));
  if (!grants.some(writes)) throw new InsufficientScope('user/*.write', scheme);
}
