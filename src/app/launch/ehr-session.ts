import { EhrEntry } from '../config/runtime-config';
import { LaunchContext, isLaunchContext } from './launch-context';
import type { SmartDiscovery } from '../../../protocol/smart-discovery';
import { plainHttpUrl } from './smart-discovery';

/**
 * A session that belongs to an EHR: which one, where its authorization server is, what was asked for,
 * and the launch context once the token arrives. Kept in this tab's sessionStorage beside its tokens,
 * under keys of its own, so an Okta session and an EHR session never share a token or a transaction.
 */
export interface EhrSession {
  readonly ehr: EhrEntry;
  readonly endpoints: SmartDiscovery;
  readonly scopes: readonly string[];
  /** The authorization request's `state`: the callback that carries it belongs to this session. */
  readonly state: string;
  /** The EHR's launch id; absent in a standalone launch (the app's "Sign in with <name>"). */
  readonly launch?: string;
  /** The launch context, once the token response has arrived. */
  readonly context?: LaunchContext;
}

const SESSION_KEY = 'fhirokta.ehr-session';

/** Where okta-auth-js keeps an EHR session's tokens and transactions: never the Okta session's keys. */
export const EHR_STORAGE_KEYS = {
  token: 'fhirokta.ehr.tokens',
  transaction: 'fhirokta.ehr.transaction',
  cache: 'fhirokta.ehr.cache',
  originalUri: 'fhirokta.ehr.original-uri',
} as const;

export function saveEhrSession(storage: Storage, session: EhrSession): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

/** Forgets the EHR session and every token and transaction of it in this tab. */
export function endEhrSession(storage: Storage): void {
  storage.removeItem(SESSION_KEY);
  for (const key of Object.values(EHR_STORAGE_KEYS)) storage.removeItem(key);
}

function sameEntry(a: EhrEntry, b: EhrEntry): boolean {
  return a.name === b.name && a.iss === b.iss && a.clientId === b.clientId;
}

/**
 * The stored session, if it is one this app wrote for an EHR that is still configured as it was: a
 * changed config.json (an EHR removed, its client id changed) ends the session rather than carrying on
 * with what is no longer trusted.
 */
export function loadEhrSession(
  storage: Storage,
  ehrs: readonly EhrEntry[],
): EhrSession | undefined {
  let stored: Partial<EhrSession>;
  try {
    stored = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null') as Partial<EhrSession>;
  } catch {
    return undefined;
  }
  if (typeof stored !== 'object' || stored === null) return undefined;
  const storedEntry = stored.ehr;
  const entry = storedEntry && ehrs.find((configured) => sameEntry(configured, storedEntry));
  const endpoints = stored.endpoints;
  const usable =
    entry &&
    endpoints &&
    plainHttpUrl(endpoints.authorizationEndpoint) &&
    plainHttpUrl(endpoints.tokenEndpoint) &&
    (endpoints.revocationEndpoint === undefined || plainHttpUrl(endpoints.revocationEndpoint)) &&
    Array.isArray(endpoints.capabilities) &&
    Array.isArray(stored.scopes) &&
    typeof stored.state === 'string' &&
    (stored.launch === undefined || typeof stored.launch === 'string') &&
    (stored.context === undefined || isLaunchContext(stored.context));
  return usable ? ({ ...stored, ehr: entry } as EhrSession) : undefined;
}

/** The callback's `state` and where the page is, as the app starts. */
export interface StartingPage {
  readonly pathname: string;
  readonly search: string;
}

/**
 * Which session this page load belongs to, decided once before the app starts: the EHR session when the
 * page is that session's callback (its `state`) or the session is established (its token response came);
 * otherwise none, and a leftover EHR session is forgotten: an Okta sign-in's callback ends it, and a
 * launch abandoned before its callback never started.
 */
export function resumeEhrSession(
  storage: Storage,
  ehrs: readonly EhrEntry[],
  page: StartingPage,
  callbackPath: string,
): EhrSession | undefined {
  const session = loadEhrSession(storage, ehrs);
  const atCallback = page.pathname === callbackPath;
  const isItsCallback =
    atCallback && new URLSearchParams(page.search).get('state') === session?.state;
  if (session && (isItsCallback || (!atCallback && session.context))) return session;
  endEhrSession(storage);
  return undefined;
}

/** The session with the launch context of its token response. */
export function saveLaunchContext(storage: Storage, context: LaunchContext): void {
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return;
  saveEhrSession(storage, { ...(JSON.parse(raw) as EhrSession), context });
}
