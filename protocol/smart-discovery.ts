/**
 * Where a SMART server takes authorization requests and tokens, and what it can do: read from
 * `[iss]/.well-known/smart-configuration` (SMART App Launch 2.x) or, for servers that have none, from
 * the `oauth-uris` extension of `[iss]/metadata` (SMART 1.0). Read leniently: a field that is missing
 * or malformed is left out, and without both endpoints there is no discovery at all.
 *
 * Pure and dependency-free: for the app's launch flow and for the doctor alike.
 */

export const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';

export interface SmartDiscovery {
  /** Where it was read: 2.x discovery, or the CapabilityStatement fallback (which states less). */
  readonly source: 'smart-configuration' | 'capability-statement';
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly issuer?: string;
  readonly jwksUri?: string;
  readonly revocationEndpoint?: string;
  /** SMART capabilities (`launch-ehr`, `permission-v2`, ...); empty when none are stated. */
  readonly capabilities: readonly string[];
  /** PKCE methods; undefined when not stated (a CapabilityStatement never states them). */
  readonly codeChallengeMethods?: readonly string[];
  /** Scopes the server lists; undefined when it lists none. */
  readonly scopesSupported?: readonly string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function url(value: unknown): string | undefined {
  return typeof value === 'string' && URL.canParse(value) ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : undefined;
}

/** Spreads only the fields that have a value, so that absent stays absent. */
function present<T extends Json>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** A `.well-known/smart-configuration` document; undefined without both endpoints. */
export function readSmartConfiguration(document: unknown): SmartDiscovery | undefined {
  if (!isObject(document)) return undefined;
  const authorizationEndpoint = url(document['authorization_endpoint']);
  const tokenEndpoint = url(document['token_endpoint']);
  if (!authorizationEndpoint || !tokenEndpoint) return undefined;
  return {
    source: 'smart-configuration',
    authorizationEndpoint,
    tokenEndpoint,
    capabilities: strings(document['capabilities']) ?? [],
    ...present({
      issuer: url(document['issuer']),
      jwksUri: url(document['jwks_uri']),
      revocationEndpoint: url(document['revocation_endpoint']),
      codeChallengeMethods: strings(document['code_challenge_methods_supported']),
      scopesSupported: strings(document['scopes_supported']),
    }),
  };
}

/** The `oauth-uris` extension of a CapabilityStatement's server `rest`; undefined without both endpoints. */
export function readOauthUris(statement: unknown): SmartDiscovery | undefined {
  if (!isObject(statement) || statement['resourceType'] !== 'CapabilityStatement') return undefined;
  const rests = Array.isArray(statement['rest']) ? statement['rest'] : [];
  for (const rest of rests.filter(isObject)) {
    if (rest['mode'] !== undefined && rest['mode'] !== 'server') continue;
    const security = isObject(rest['security']) ? rest['security'] : {};
    const extensions = Array.isArray(security['extension']) ? security['extension'] : [];
    const oauth = extensions.filter(isObject).find((e) => e['url'] === OAUTH_URIS);
    const inner = Array.isArray(oauth?.['extension']) ? oauth['extension'].filter(isObject) : [];
    const uri = (name: string) => url(inner.find((e) => e['url'] === name)?.['valueUri']);
    const authorizationEndpoint = uri('authorize');
    const tokenEndpoint = uri('token');
    if (authorizationEndpoint && tokenEndpoint) {
      return {
        source: 'capability-statement',
        authorizationEndpoint,
        tokenEndpoint,
        capabilities: [],
        ...present({ revocationEndpoint: uri('revoke') }),
      };
    }
  }
  return undefined;
}
