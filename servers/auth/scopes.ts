/**
 * Scope policy, like an Okta custom authorization server's: a configured scope list (anything else is
 * `invalid_scope`), and per-user allowed SMART scopes intersected with the requested ones.
 */
import { OIDC_SCOPES } from './defaults.ts';

interface SmartScope {
  context: string;
  type: string;
  /** v2 permission letters (v1 `read` = `rs`, `write` = `cud`, `*` = `cruds`). */
  perms: Set<string>;
  v1: boolean;
}

const SMART = /^(user|patient|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)$/;
const V1: Record<string, string> = { read: 'rs', write: 'cud', '*': 'cruds' };
const ORDER = 'cruds';

function parse(scope: string): SmartScope | undefined {
  const m = SMART.exec(scope);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const v1 = m[3] in V1;
  return { context: m[1], type: m[2], perms: new Set(v1 ? V1[m[3]] : m[3]), v1 };
}

function format(context: string, type: string, perms: Set<string>, requested: SmartScope): string {
  const same = perms.size === requested.perms.size;
  if (same && requested.v1) {
    const v1 = Object.entries(V1).find(
      ([, letters]) => letters === [...ORDER].filter((c) => perms.has(c)).join(''),
    );
    if (v1) return `${context}/${type}.${v1[0]}`;
  }
  return `${context}/${type}.${[...ORDER].filter((c) => perms.has(c)).join('')}`;
}

/** One requested SMART scope against one allowed one: the granted scope, if any. */
function intersect(requested: SmartScope, allowed: SmartScope): string | undefined {
  if (requested.context !== allowed.context) return undefined;
  let type: string;
  if (allowed.type === '*' || allowed.type === requested.type) type = requested.type;
  else if (requested.type === '*') type = allowed.type;
  else return undefined;
  const perms = new Set([...requested.perms].filter((p) => allowed.perms.has(p)));
  if (perms.size === 0) return undefined;
  return format(requested.context, type, perms, requested);
}

/** The requested scopes that the server does not know (Okta answers these with `invalid_scope`). */
export function unknownScopes(requested: string[], configured: readonly string[]): string[] {
  const known = new Set(configured);
  return requested.filter((s) => !known.has(s));
}

/**
 * Granted = OpenID scopes as requested + each requested SMART scope narrowed to what the user is
 * allowed (`user/*.read` requested, `user/Patient.read` allowed → `user/Patient.read`).
 */
export function grantedScopes(
  requested: string[],
  allowed: string[],
  configured: readonly string[],
): string[] {
  const known = new Set(configured);
  const granted = new Set<string>();
  const oidc = new Set<string>(OIDC_SCOPES);
  const allowedParsed = allowed.map(parse).filter((s): s is SmartScope => s !== undefined);
  for (const scope of requested) {
    if (oidc.has(scope)) {
      granted.add(scope);
      continue;
    }
    const parsed = parse(scope);
    if (!parsed) continue;
    for (const allow of allowedParsed) {
      const result = intersect(parsed, allow);
      if (result && known.has(result)) granted.add(result);
    }
  }
  return [...granted];
}

export function splitScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter(Boolean))];
}
