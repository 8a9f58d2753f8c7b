// The origins of the EHRs in config.json, for the production host's CSP: each EHR's FHIR server (always),
// and the authorization, token and revocation servers its discovery names, read at start-up with the
// reader the app and the doctor use (protocol/smart-discovery.ts). An EHR whose discovery cannot be read
// yet is allowed its FHIR origin only, and read again every minute until it answers.
import {
  readOauthUris,
  readSmartConfiguration,
  type SmartDiscovery,
} from '../../protocol/smart-discovery.ts';

export interface EhrConfigEntry {
  name: string;
  iss: string;
}

/** One EHR's origins as known now, and what the host could not read. */
export interface EhrOrigins {
  name: string;
  origins: string[];
  /** Why only the FHIR origin is known (shown at start-up); absent once discovery was read. */
  unread?: string;
}

const DISCOVERY_TIMEOUT_MS = 5_000;

async function readJson(url: string, fetchFn: typeof fetch): Promise<unknown> {
  const response = await fetchFn(url, {
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

type Found = { ok: true; endpoints: SmartDiscovery } | { ok: false; problem: string };

async function discover(iss: string, fetchFn: typeof fetch): Promise<Found> {
  const base = iss.replace(/\/$/, '');
  let why: string;
  try {
    const found = readSmartConfiguration(
      await readJson(`${base}/.well-known/smart-configuration`, fetchFn),
    );
    if (found) return { ok: true, endpoints: found };
    why = 'its SMART configuration names no authorization and token endpoint';
  } catch (failure) {
    why = `its SMART configuration could not be read (${String(failure)})`;
  }
  try {
    const found = readOauthUris(await readJson(`${base}/metadata`, fetchFn));
    if (found) return { ok: true, endpoints: found };
  } catch {
    // Said below, with the SMART configuration's failure, which is the one that matters.
  }
  return { ok: false, problem: why };
}

/** The http(s) origins of the endpoints the app calls or sends the user to. */
function endpointOrigins(found: SmartDiscovery): string[] {
  return [found.authorizationEndpoint, found.tokenEndpoint, found.revocationEndpoint]
    .filter((url): url is string => url !== undefined)
    .map((url) => new URL(url))
    .filter((url) => url.protocol === 'https:' || url.protocol === 'http:')
    .map((url) => url.origin);
}

export async function readEhrOrigins(
  ehr: EhrConfigEntry,
  fetchFn: typeof fetch = fetch,
): Promise<EhrOrigins> {
  const fhirOrigin = new URL(ehr.iss).origin;
  const found = await discover(ehr.iss, fetchFn);
  if (!found.ok) return { name: ehr.name, origins: [fhirOrigin], unread: found.problem };
  return {
    name: ehr.name,
    origins: [...new Set([fhirOrigin, ...endpointOrigins(found.endpoints)])],
  };
}

/** The `ehrs` of a config.json text that has them as the app would accept them; others are skipped. */
export function ehrsOf(config: unknown): EhrConfigEntry[] {
  const ehrs = (config as { ehrs?: unknown } | null)?.ehrs;
  if (!Array.isArray(ehrs)) return [];
  return ehrs.filter(
    (ehr): ehr is EhrConfigEntry =>
      typeof ehr?.name === 'string' && typeof ehr?.iss === 'string' && URL.canParse(ehr.iss),
  );
}

/**
 * Every configured EHR's origins, kept current: read once now, and again every minute for those whose
 * discovery could not be read, until it can. `stop()` ends the re-reading.
 */
export async function watchEhrOrigins(
  ehrs: EhrConfigEntry[],
  onUnread: (ehr: EhrOrigins) => void,
  fetchFn: typeof fetch = fetch,
  rereadEveryMs = 60_000,
): Promise<{ current: () => EhrOrigins[]; stop: () => void }> {
  let known = await Promise.all(ehrs.map((ehr) => readEhrOrigins(ehr, fetchFn)));
  known.filter((ehr) => ehr.unread).forEach(onUnread);
  const timer = setInterval(() => {
    if (known.every((ehr) => !ehr.unread)) return clearInterval(timer);
    void Promise.all(
      ehrs.map((ehr, i) => (known[i]?.unread ? readEhrOrigins(ehr, fetchFn) : known[i])),
    ).then((next) => (known = next.filter((ehr): ehr is EhrOrigins => ehr !== undefined)));
  }, rereadEveryMs);
  timer.unref();
  return { current: () => known, stop: () => clearInterval(timer) };
}
