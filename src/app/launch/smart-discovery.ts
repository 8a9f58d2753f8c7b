import {
  SmartDiscovery,
  readOauthUris,
  readSmartConfiguration,
} from '../../../protocol/smart-discovery';
import type { Outcome } from '../shared/outcome';

/**
 * What the app accepts of an EHR's discovery (read by protocol/smart-discovery.ts, as the doctor reads
 * it): the app sends the user and the code only to plain http(s) URLs, and uses PKCE with S256 only.
 * Anything short of that is a problem in words, never worked around.
 */
export type Discovery = Outcome<{ endpoints: SmartDiscovery }, { problem: string }>;

/** An absolute http(s) URL with no user info: the only kind the app sends a user or a request to. */
export function plainHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}

function usable(found: SmartDiscovery | undefined, where: string): Discovery {
  if (!found || !plainHttpUrl(found.authorizationEndpoint) || !plainHttpUrl(found.tokenEndpoint)) {
    return {
      ok: false,
      problem: `its ${where} does not name a usable authorization and token endpoint.`,
    };
  }
  // A revocation endpoint that is not a plain URL is left unused: sign-out then only forgets.
  const { revocationEndpoint, ...rest } = found;
  return {
    ok: true,
    endpoints: plainHttpUrl(revocationEndpoint) ? found : rest,
  };
}

/**
 * `.well-known/smart-configuration`. PKCE with S256 is required: SMART 2.x servers must list it, and
 * the app never sends a plain code challenge.
 */
export function fromSmartConfiguration(document: unknown): Discovery {
  const found = readSmartConfiguration(document);
  if (found && !found.codeChallengeMethods?.includes('S256')) {
    return {
      ok: false,
      problem:
        'its SMART configuration does not offer PKCE with S256 (code_challenge_methods_supported), which this app requires.',
    };
  }
  return usable(found, 'SMART configuration');
}

/** The CapabilityStatement's `oauth-uris` extension (SMART 1.0 servers, which state no PKCE methods). */
export function fromCapabilityStatement(statement: unknown): Discovery {
  return usable(readOauthUris(statement), "CapabilityStatement's oauth-uris extension");
}

/** Every origin the app talks to for this EHR besides its FHIR base: its sign-in, token and revocation. */
export function endpointOrigins(found: SmartDiscovery): string[] {
  const urls = [found.authorizationEndpoint, found.tokenEndpoint, found.revocationEndpoint];
  return [
    ...new Set(
      urls.filter((url): url is string => url !== undefined).map((url) => new URL(url).origin),
    ),
  ];
}
