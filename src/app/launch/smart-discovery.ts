/**
 * Where an EHR's authorization server is and what it can do, from its FHIR server's
 * `.well-known/smart-configuration` (SMART App Launch 2.x) or, for older servers, the CapabilityStatement's
 * `oauth-uris` extension. Pure: no Angular, no requests.
 */

/** What a launch needs from an EHR's discovery. */
export interface EhrEndpoints {
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  /** Where tokens are revoked on sign-out; absent when the EHR names none. */
  readonly revokeUrl?: string;
  /** The OpenID Connect issuer: an ID token's `iss` must equal it. Absent when the EHR does no OIDC. */
  readonly issuer?: string;
  /** SMART capabilities (`launch-ehr`, `permission-v2`, ...); empty when not stated. */
  readonly capabilities: readonly string[];
  /** The scopes it says it supports; absent when not stated. */
  readonly scopesSupported?: readonly string[];
  /** Which document said so. */
  readonly source: 'smart-configuration' | 'capability-statement';
}

export type Discovery =
  | { readonly ok: true; readonly endpoints: EhrEndpoints }
  | { readonly ok: false; readonly problem: string };

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const CAPABILITIES = 'http://fhir-registry.smarthealthit.org/StructureDefinition/capabilities';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An absolute http(s) URL with no user info: the only kind the app sends a user or a request to. */
export function plainHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

function strings(value: unknown): readonly string[] | undefined {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : undefined;
}

function endpoints(
  authorize: unknown,
  token: unknown,
  rest: Omit<EhrEndpoints, 'authorizeUrl' | 'tokenUrl'>,
  where: string,
): Discovery {
  const authorizeUrl = plainHttpUrl(authorize);
  const tokenUrl = plainHttpUrl(token);
  if (!authorizeUrl || !tokenUrl) {
    return {
      ok: false,
      problem: `its ${where} does not name a usable authorization and token endpoint.`,
    };
  }
  return { ok: true, endpoints: { authorizeUrl, tokenUrl, ...rest } };
}

/**
 * Reads `.well-known/smart-configuration`. PKCE with S256 is required: SMART 2.x servers must list it,
 * and the app never sends a plain code challenge.
 */
export function fromSmartConfiguration(document: unknown): Discovery {
  if (!isObject(document)) {
    return { ok: false, problem: 'its SMART configuration is not a JSON object.' };
  }
  const methods = strings(document['code_challenge_methods_supported']) ?? [];
  if (!methods.includes('S256')) {
    return {
      ok: false,
      problem:
        'its SMART configuration does not offer PKCE with S256 (code_challenge_methods_supported), which this app requires.',
    };
  }
  const revokeUrl = plainHttpUrl(document['revocation_endpoint']);
  // Kept as written: an ID token's `iss` must equal it exactly, and parsing may add a slash.
  const stated = document['issuer'];
  const issuer = typeof stated === 'string' && plainHttpUrl(stated) ? stated : undefined;
  const scopesSupported = strings(document['scopes_supported']);
  return endpoints(
    document['authorization_endpoint'],
    document['token_endpoint'],
    {
      ...(revokeUrl ? { revokeUrl } : {}),
      ...(issuer ? { issuer } : {}),
      ...(scopesSupported ? { scopesSupported } : {}),
      capabilities: strings(document['capabilities']) ?? [],
      source: 'smart-configuration',
    },
    'SMART configuration',
  );
}

interface Extension {
  url?: unknown;
  valueUri?: unknown;
  valueCode?: unknown;
  extension?: unknown;
}

function extensions(value: unknown): Extension[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/**
 * Reads the `oauth-uris` extension of the CapabilityStatement's server `rest.security` (SMART 1.0), with
 * the capabilities extension where a server states them there.
 */
export function fromCapabilityStatement(statement: unknown): Discovery {
  const where = 'CapabilityStatement';
  if (!isObject(statement) || statement['resourceType'] !== 'CapabilityStatement') {
    return { ok: false, problem: `its ${where} could not be read.` };
  }
  const rests = Array.isArray(statement['rest']) ? statement['rest'].filter(isObject) : [];
  const security = rests
    .filter((rest) => rest['mode'] === undefined || rest['mode'] === 'server')
    .flatMap((rest) => (isObject(rest['security']) ? [rest['security']] : []));
  const all = security.flatMap((s) => extensions(s['extension']));
  const uris = extensions(all.find((e) => e.url === OAUTH_URIS)?.extension);
  const uri = (name: string) => uris.find((e) => e.url === name)?.valueUri;
  const capabilities = all
    .filter((e) => e.url === CAPABILITIES)
    .map((e) => e.valueCode)
    .filter((code): code is string => typeof code === 'string');
  const revokeUrl = plainHttpUrl(uri('revoke'));
  return endpoints(
    uri('authorize'),
    uri('token'),
    { ...(revokeUrl ? { revokeUrl } : {}), capabilities, source: 'capability-statement' },
    `${where}'s oauth-uris extension`,
  );
}

/** Every origin the app talks to for this EHR besides its FHIR base: for CSP and the token inspector. */
export function endpointOrigins(found: EhrEndpoints): string[] {
  const urls = [found.authorizeUrl, found.tokenUrl, found.revokeUrl].filter(
    (url): url is string => url !== undefined,
  );
  return [...new Set(urls.map((url) => new URL(url).origin))];
}
