/**
 * SMART App Launch scopes, the one reading used by the app, the authorization server, the FHIR server
 * and the doctor. v1: `user/Patient.read`, `.write`, `.*`. v2: `user/Patient.rs`, any in-order subset
 * of `cruds`. `*` as the resource type. Granular v2 scopes (`patient/Observation.rs?category=laboratory`)
 * are parsed with their query; a party that cannot enforce the query must not read them as the
 * unrestricted scope (see `allows`).
 *
 * Pure and dependency-free: imported by the browser bundle and by Node alike.
 */

export type ScopeContext = 'patient' | 'user' | 'system';
/** SMART v2 permission letters: create, read, update, delete, search. */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface SmartScope {
  context: ScopeContext;
  /** A resource type, or `*` for every type. */
  type: string;
  permissions: ReadonlySet<Permission>;
  /** Written in v1 form (`read`, `write`, `*`), kept so a narrowed grant is written the same way. */
  v1: boolean;
  /** The granular restriction of a v2 scope, e.g. `category=laboratory`; absent when unrestricted. */
  query?: string;
}

const ORDER: readonly Permission[] = ['c', 'r', 'u', 'd', 's'];
const V1 = new Map<string, string>([
  ['read', 'rs'],
  ['write', 'cud'],
  ['*', 'cruds'],
]);
const SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.([a-z*]+)(?:\?(.+))?$/;
const V2 = /^c?r?u?d?s?$/;

/** One scope string as a SMART scope, or undefined when it is not one (`openid`, `launch/patient`, ...). */
export function parseSmartScope(scope: string): SmartScope | undefined {
  const m = SCOPE.exec(scope);
  if (!m) return undefined;
  const [, context, type, access, query] = m as unknown as [
    string,
    ScopeContext,
    string,
    string,
    string?,
  ];
  const v1Letters = V1.get(access);
  // v1 names carry no granular query; v2 letters must be a non-empty, in-order subset of `cruds`.
  if (v1Letters !== undefined && query !== undefined) return undefined;
  const letters = v1Letters ?? access;
  if (letters === '' || !V2.test(letters)) return undefined;
  return {
    context,
    type,
    permissions: new Set([...letters] as Permission[]),
    v1: v1Letters !== undefined,
    ...(query !== undefined ? { query } : {}),
  };
}

/** Every SMART scope in a space-delimited string or a list; other scopes are left out. */
export function parseSmartScopes(scopes: string | readonly string[]): SmartScope[] {
  const list = typeof scopes === 'string' ? scopes.split(/\s+/) : scopes;
  return list.map(parseSmartScope).filter((s): s is SmartScope => s !== undefined);
}

export interface AllowsOptions {
  /** Only scopes of these contexts count (default: all three). */
  contexts?: readonly ScopeContext[];
  /**
   * Whether a granular scope counts: true for a client that lets the server enforce the restriction
   * (it may read some), false for a server that cannot enforce it (it must refuse).
   */
  granular?: boolean;
}

/** Whether any of the scopes grants `permission` on `type`. */
export function allows(
  scopes: readonly SmartScope[],
  type: string,
  permission: Permission,
  options: AllowsOptions = {},
): boolean {
  return scopes.some(
    (s) =>
      (s.type === '*' || s.type === type) &&
      s.permissions.has(permission) &&
      (options.contexts?.includes(s.context) ?? true) &&
      (s.query === undefined || options.granular === true),
  );
}

/** A scope written back as a string, in v1 form when it was requested so and still fits one. */
export function formatSmartScope(scope: SmartScope): string {
  const letters = ORDER.filter((p) => scope.permissions.has(p)).join('');
  const v1 = scope.v1 ? [...V1].find(([, l]) => l === letters)?.[0] : undefined;
  return `${scope.context}/${scope.type}.${v1 ?? letters}${scope.query ? `?${scope.query}` : ''}`;
}

/**
 * What of a requested scope an allowed one grants: same context, the narrower type and the common
 * permissions (`user/*.read` requested, `user/Patient.rs` allowed → `user/Patient.read`). A granular
 * restriction on either side is kept; two different restrictions grant nothing.
 */
export function narrowScope(requested: SmartScope, allowed: SmartScope): SmartScope | undefined {
  if (requested.context !== allowed.context) return undefined;
  let type: string;
  if (allowed.type === '*' || allowed.type === requested.type) type = requested.type;
  else if (requested.type === '*') type = allowed.type;
  else return undefined;
  if (requested.query && allowed.query && requested.query !== allowed.query) return undefined;
  const permissions = new Set([...requested.permissions].filter((p) => allowed.permissions.has(p)));
  if (permissions.size === 0) return undefined;
  const query = requested.query ?? allowed.query;
  // A v1 name cannot carry a restriction: a restricted grant is written in v2 form.
  const v1 = requested.v1 && query === undefined && permissions.size === requested.permissions.size;
  return { context: requested.context, type, permissions, v1, ...(query ? { query } : {}) };
}

/**
 * The scopes an access token grants: the space-delimited `scope` claim (what FHIR servers such as
 * IRIS read), else Okta's `scp` array.
 */
export function tokenScopes(claims: Readonly<Record<string, unknown>>): string[] {
  const scope = claims['scope'];
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean);
  const scp = claims['scp'];
  return Array.isArray(scp) ? scp.filter((s): s is string => typeof s === 'string') : [];
}
