// Checks of each EHR allowed to launch the app (config.json's `ehrs`): discovery of its authorization server
// (as the app reads it, protocol/smart-discovery.ts), what it can do, whether the browser may talk to it
// from the app's origin, and the scopes a launch will ask for (protocol/launch-scopes.ts, the app's rule).
import { launchScopes, type LaunchKind } from '../../protocol/launch-scopes.ts';
import {
  readOauthUris,
  readSmartConfiguration,
  type SmartDiscovery,
} from '../../protocol/smart-discovery.ts';
import type { EhrEntry } from '../../src/app/config/runtime-config.ts';
import {
  allowsHeaders,
  allowsOrigin,
  describeNetworkError,
  parseJson,
  preflight,
  request,
  type Answer,
} from './http.ts';
import { fail, pass, warn, type CheckResult } from './report.ts';

/** One GET as the app's browser would send it: the answer, or why there was none. */
interface Fetched {
  url: string;
  answer?: Answer;
  error?: string;
}

interface Ehr {
  entry: EhrEntry;
  /** Where the entry sits in config.json, for the fixes: "ehrs[0]". */
  field: string;
  appOrigin: string;
  /** The check's name, for this EHR. */
  name(what: string): string;
}

async function get(url: string, origin: string, accept: string): Promise<Fetched> {
  try {
    return { url, answer: await request(url, { headers: { Accept: accept, Origin: origin } }) };
  } catch (error) {
    return { url, error: describeNetworkError(error) };
  }
}

const said = (fetched: Fetched) => fetched.error ?? `HTTP ${fetched.answer?.status}`;

export async function checkEhr(
  entry: EhrEntry,
  index: number,
  appOrigin: string,
): Promise<CheckResult[]> {
  const ehr: Ehr = {
    entry,
    field: `ehrs[${index}]`,
    appOrigin,
    name: (what) => `EHR "${entry.name}": ${what}`,
  };
  const [smart, metadata] = await Promise.all([
    get(`${entry.iss}/.well-known/smart-configuration`, appOrigin, 'application/json'),
    get(`${entry.iss}/metadata`, appOrigin, 'application/fhir+json'),
  ]);
  const results: CheckResult[] = [];
  const found = discover(ehr, smart, metadata, results);
  if (found) {
    results.push(
      checkPkce(ehr, found),
      checkLaunch(ehr, found, 'ehr'),
      checkLaunch(ehr, found, 'standalone'),
      checkScopes(ehr, found),
      await checkTokenCors(ehr, found),
    );
  }
  results.push(checkFhirServer(ehr, metadata), await checkFhirCors(ehr, metadata));
  return results;
}

/** https, or http on this machine (the local stack): codes and tokens never cross a network in clear. */
function secure(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return (
    protocol === 'https:' || (protocol === 'http:' && ['localhost', '127.0.0.1'].includes(hostname))
  );
}

/** The EHR's SMART configuration, else its CapabilityStatement's oauth-uris, as the app reads them. */
function discover(
  ehr: Ehr,
  smart: Fetched,
  metadata: Fetched,
  results: CheckResult[],
): SmartDiscovery | undefined {
  const name = ehr.name('SMART discovery');
  const fromSmart =
    smart.answer?.status === 200 ? readSmartConfiguration(parseJson(smart.answer.body)) : undefined;
  const fromStatement =
    !fromSmart && metadata.answer?.status === 200
      ? readOauthUris(parseJson(metadata.answer.body))
      : undefined;
  const found = fromSmart ?? fromStatement;
  if (!found) {
    results.push(
      fail(
        name,
        `no authorization server: ${smart.url} (${said(smart)}) has no SMART configuration and ${metadata.url} (${said(metadata)}) no oauth-uris`,
        `Check "${ehr.field}.iss": it must be the EHR's FHIR base URL, exactly as the EHR sends it in a launch's "iss", on a server that supports SMART App Launch.`,
      ),
    );
    return undefined;
  }
  const insecure = [found.authorizationEndpoint, found.tokenEndpoint].filter((u) => !secure(u));
  if (insecure.length > 0) {
    results.push(
      fail(
        name,
        `it names endpoints without https: ${insecure.join(', ')}`,
        'Authorization codes and tokens must travel over https: ask the EHR to publish https endpoints.',
      ),
    );
    return undefined;
  }
  const via = fromSmart ? smart : metadata;
  results.push(
    fromSmart
      ? pass(name, `${smart.url}: authorize at ${found.authorizationEndpoint}`)
      : warn(
          name,
          `no SMART configuration at ${smart.url} (${said(smart)}); the app falls back to the oauth-uris of ${metadata.url}, which state no capabilities or PKCE support`,
          'Nothing to fix if launches work; SMART App Launch 2.x servers publish /.well-known/smart-configuration.',
        ),
  );
  const corsName = ehr.name('CORS from the app to discovery');
  results.push(
    via.answer && allowsOrigin(via.answer, ehr.appOrigin)
      ? pass(corsName, `${ehr.appOrigin} may read ${via.url}`)
      : fail(
          corsName,
          `${via.url} does not allow ${ehr.appOrigin} (Access-Control-Allow-Origin: ${via.answer?.headers.get('access-control-allow-origin') ?? 'none'})`,
          `The app reads discovery from the browser: the EHR must allow CORS from ${ehr.appOrigin}.`,
        ),
  );
  return found;
}

function checkPkce(ehr: Ehr, found: SmartDiscovery): CheckResult {
  const name = ehr.name('PKCE S256');
  const methods = found.codeChallengeMethods;
  if (methods?.includes('S256')) return pass(name, 'code_challenge_methods_supported lists S256');
  const fix =
    'The app always uses PKCE with S256 (SMART App Launch 2.x requires it): the EHR’s authorization server must accept it.';
  if (methods === undefined) {
    return warn(
      name,
      'the EHR does not state its PKCE methods (code_challenge_methods_supported)',
      fix,
    );
  }
  return fail(name, `it offers ${methods.join(', ') || 'no methods'}, not S256`, fix);
}

const NEEDS: Record<LaunchKind, { what: string; capabilities: string[] }> = {
  ehr: {
    what: 'launch from the EHR',
    capabilities: ['launch-ehr', 'client-public', 'context-ehr-patient'],
  },
  standalone: {
    what: 'standalone launch ("Sign in with <name>")',
    capabilities: ['launch-standalone', 'client-public', 'context-standalone-patient'],
  },
};

/** What one launch needs the EHR to advertise, and what else of use it does (encounter, banner, style). */
function checkLaunch(ehr: Ehr, found: SmartDiscovery, kind: LaunchKind): CheckResult {
  const { what, capabilities } = NEEDS[kind];
  const name = ehr.name(what.replace('<name>', ehr.entry.name));
  if (found.capabilities.length === 0) {
    return warn(
      name,
      'the EHR states no SMART capabilities, so whether it supports this is unknown',
      'Try the launch; SMART App Launch 2.x servers list "capabilities" in their SMART configuration.',
    );
  }
  const missing = capabilities.filter((c) => !found.capabilities.includes(c));
  const extras = found.capabilities.filter((c) => /^context-(banner|style|ehr-encounter)$/.test(c));
  const also = extras.length ? `; also ${extras.join(', ')}` : '';
  if (missing.length === 0) return pass(name, `it advertises ${capabilities.join(', ')}${also}`);
  return warn(
    name,
    `it does not advertise ${missing.join(', ')}${also}`,
    kind === 'ehr'
      ? 'A launch from this EHR may fail or open without a patient: ask the EHR to register the app for EHR launch as a public client.'
      : `"Sign in with ${ehr.entry.name}" may fail or open without a patient; a launch from the EHR is unaffected.`,
  );
}

function checkScopes(ehr: Ehr, found: SmartDiscovery): CheckResult {
  const name = ehr.name('scopes a launch asks for');
  const configured = ehr.entry.scopes;
  const fromEhr = launchScopes('ehr', configured, found.capabilities);
  const standalone = launchScopes('standalone', configured, found.capabilities);
  const why =
    fromEhr.source === 'configured'
      ? `${ehr.field}.scopes, with the launch scope each launch needs`
      : fromEhr.source === 'v2'
        ? 'SMART v2 form, as it advertises permission-v2'
        : 'SMART v1 form, as it does not advertise permission-v2';
  const detail = `from the EHR "${fromEhr.scopes.join(' ')}"; "Sign in with ${ehr.entry.name}" "${standalone.scopes.join(' ')}" (${why})`;
  const supported = found.scopesSupported;
  const unlisted = supported
    ? [...new Set([...fromEhr.scopes, ...standalone.scopes])].filter((s) => !supported.includes(s))
    : [];
  if (unlisted.length === 0) return pass(name, detail);
  return warn(
    name,
    `${detail}; not in its scopes_supported: ${unlisted.join(', ')}`,
    `If the EHR refuses them (invalid_scope), set "${ehr.field}.scopes" to scopes it grants, e.g. from: ${supported?.join(' ')}.`,
  );
}

async function checkTokenCors(ehr: Ehr, found: SmartDiscovery): Promise<CheckResult> {
  const name = ehr.name('CORS from the app to the token endpoint');
  try {
    const answer = await preflight(found.tokenEndpoint, ehr.appOrigin, 'POST', ['content-type']);
    if (allowsOrigin(answer, ehr.appOrigin)) return pass(name, `${ehr.appOrigin} is allowed`);
    return fail(
      name,
      `a preflight from ${ehr.appOrigin} to ${found.tokenEndpoint} is refused (${answer.status})`,
      `The app exchanges the code for tokens from the browser: the EHR must allow CORS from ${ehr.appOrigin} at its token endpoint.`,
    );
  } catch (error) {
    return fail(
      name,
      `${found.tokenEndpoint}: ${describeNetworkError(error)}`,
      'Check that the EHR’s token endpoint is reachable.',
    );
  }
}

function checkFhirServer(ehr: Ehr, metadata: Fetched): CheckResult {
  const name = ehr.name('FHIR server');
  const statement = metadata.answer?.status === 200 ? parseJson(metadata.answer.body) : undefined;
  const s = statement as { resourceType?: unknown; fhirVersion?: unknown } | undefined;
  if (s?.resourceType !== 'CapabilityStatement') {
    return fail(
      name,
      `${metadata.url} (${said(metadata)}) is not a CapabilityStatement`,
      `Check "${ehr.field}.iss": GET <iss>/metadata must return the EHR's CapabilityStatement.`,
    );
  }
  const version = typeof s.fhirVersion === 'string' ? s.fhirVersion : 'unknown';
  return version.startsWith('4.')
    ? pass(name, `FHIR ${version} at ${metadata.url}`)
    : warn(
        name,
        `FHIR ${version}`,
        `This app reads FHIR R4 (4.0.x): set "${ehr.field}.iss" to the EHR's R4 endpoint.`,
      );
}

/** The app reads metadata, then sends each FHIR call with the EHR's token in Authorization. */
async function checkFhirCors(ehr: Ehr, metadata: Fetched): Promise<CheckResult> {
  const name = ehr.name('CORS from the app to the FHIR server');
  const fix = `Ask the EHR to allow CORS from ${ehr.appOrigin} on its FHIR server, with the Authorization header.`;
  if (!metadata.answer || !allowsOrigin(metadata.answer, ehr.appOrigin)) {
    return fail(name, `${metadata.url} does not allow ${ehr.appOrigin} (${said(metadata)})`, fix);
  }
  try {
    const answer = await preflight(`${ehr.entry.iss}/Patient`, ehr.appOrigin, 'GET', [
      'authorization',
    ]);
    if (allowsOrigin(answer, ehr.appOrigin) && allowsHeaders(answer, ['authorization'])) {
      return pass(name, `${ehr.appOrigin} may read metadata and send authorization`);
    }
    return fail(
      name,
      `a preflight from ${ehr.appOrigin} with Authorization is refused (${answer.status})`,
      fix,
    );
  } catch (error) {
    return fail(
      name,
      describeNetworkError(error),
      'Check that the EHR’s FHIR server is reachable.',
    );
  }
}
