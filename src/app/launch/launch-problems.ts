import { EhrEntry } from '../config/runtime-config';
import type { EhrSession } from './ehr-session';

/**
 * Why a launch or an EHR session ended, in words: what happened, and what the user can do. Shown on
 * the launch-error page; the app never answers a failure by starting another sign-in by itself.
 */
export interface LaunchProblem {
  readonly title: string;
  readonly detail: string;
  readonly advice: string;
}

/** How the app was opened with the EHR: the way back differs. */
export interface Opened {
  readonly ehr: EhrEntry;
  /** True when the EHR launched the app; false for the login page's "Sign in with <name>". */
  readonly launched: boolean;
}

export function openedFrom(session: EhrSession): Opened {
  return { ehr: session.ehr, launched: session.launch !== undefined };
}

const AGAIN_FROM_EHR = 'Open fhirokta again from the EHR.';
const MAX_QUOTE = 300;

/** The way back into a session from this EHR. */
function again({ ehr, launched }: Opened): string {
  return launched ? AGAIN_FROM_EHR : `Sign in with ${ehr.name} again from the sign-in page.`;
}

/** The sentence for a 401 from the EHR's FHIR server, or its session running out. */
export function ehrSessionEnded(opened: Opened): string {
  return opened.launched
    ? `Your session from ${opened.ehr.name} has ended: open fhirokta again from the EHR.`
    : `Your session from ${opened.ehr.name} has ended: sign in with ${opened.ehr.name} again.`;
}

export function sessionEnded(opened: Opened): LaunchProblem {
  return {
    title: 'Your session has ended',
    detail: ehrSessionEnded(opened),
    advice: 'Nothing of it is kept in this window.',
  };
}

export function refusedIss(problem: string): LaunchProblem {
  return {
    title: 'fhirokta does not know this EHR',
    detail: problem,
    advice:
      'Open fhirokta from an EHR your organisation has set it up for, or ask an administrator to add this one to its configuration (config.json, "ehrs").',
  };
}

export function incompleteLaunch(missing: 'iss' | 'launch'): LaunchProblem {
  const what =
    missing === 'iss' ? 'the address of its FHIR server (iss)' : 'the id of this launch (launch)';
  return {
    title: 'The launch was incomplete',
    detail: `The EHR opened fhirokta without ${what}, so it cannot sign you in.`,
    advice: `${AGAIN_FROM_EHR} If it keeps happening, tell the EHR's administrator.`,
  };
}

export function discoveryFailed(opened: Opened, why: string): LaunchProblem {
  return {
    title: `fhirokta could not reach ${opened.ehr.name}`,
    detail: `fhirokta could not find out from ${opened.ehr.iss} where to sign you in: ${why}`,
    advice: `Try again in a moment: ${again(opened)} If it keeps happening, tell your administrator.`,
  };
}

/** What the EHR said, quoted: its own text, cut short and kept to one line. */
function quoted(description: string | null | undefined): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  return ` The EHR said: “${text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text}”.`;
}

/** An `error` on the redirect back from the EHR's authorization endpoint (RFC 6749 §4.1.2.1). */
export function authorizationRefused(
  opened: Opened,
  error: string,
  description: string | null,
  scopes: readonly string[],
): LaunchProblem {
  const name = opened.ehr.name;
  const said = quoted(description);
  switch (error) {
    case 'access_denied':
      return {
        title: 'Access was not granted',
        detail: `${name} did not let fhirokta in: access was declined.${said}`,
        advice: `If you meant to allow it: ${again(opened)}`,
      };
    case 'invalid_scope':
      return {
        title: `${name} refused what fhirokta asked for`,
        detail: `It refused the scopes ${scopes.join(' ')}.${said}`,
        advice:
          'An administrator must allow these scopes for fhirokta at the EHR, or list the ones it allows in config.json ("scopes" of this EHR).',
      };
    case 'unauthorized_client':
    case 'invalid_client':
      return {
        title: `${name} does not accept fhirokta`,
        detail: `It does not accept the client id ${opened.ehr.clientId} (${error}).${said}`,
        advice:
          'An administrator must register fhirokta at the EHR with this client id and its redirect URI, or correct "clientId" of this EHR in config.json.',
      };
    case 'login_required':
    case 'interaction_required':
    case 'consent_required':
      return {
        title: `You are not signed in to ${name}`,
        detail: `${name} needs you to sign in or to approve fhirokta first (${error}).${said}`,
        advice: `Sign in to the EHR, then: ${again(opened)}`,
      };
    case 'server_error':
    case 'temporarily_unavailable':
      return {
        title: `${name} could not sign you in`,
        detail: `Its sign-in service failed (${error}).${said}`,
        advice: `Try again in a moment: ${again(opened)}`,
      };
    default:
      return {
        title: `${name} refused the sign-in`,
        detail: `It answered ${error.slice(0, 64)}. A launch can be used only once and only for a short while.${said}`,
        advice: again(opened),
      };
  }
}

/**
 * A failure while exchanging the code or checking what came back, from okta-auth-js's error: an OAuth
 * error from the token endpoint (`errorCode`, `errorSummary`), a refused ID token, or no answer.
 */
export function tokenRefused(opened: Opened, error: unknown): LaunchProblem {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const code = typeof e['errorCode'] === 'string' ? e['errorCode'] : undefined;
  const summary = typeof e['errorSummary'] === 'string' ? e['errorSummary'] : undefined;
  const oauth = code !== undefined && /^[a-z_]+$/.test(code) && code !== 'INTERNAL';
  const detail = oauth
    ? `Its token service answered ${code}.${quoted(summary)}`
    : summary && /token|issuer|nonce|audience|jwt/i.test(summary)
      ? `What it sent back could not be accepted: ${summary.slice(0, MAX_QUOTE)}`
      : 'Its token service could not be reached, or did not answer this app (it must allow this app’s origin).';
  return {
    title: `fhirokta could not finish signing you in with ${opened.ehr.name}`,
    detail,
    advice: `${again(opened)} If it keeps happening, tell your administrator.`,
  };
}

const KEY = 'fhirokta.launch-problem';

/** Carries the problem to the launch-error page across the full page load that leaves the EHR session. */
export function recordLaunchProblem(storage: Storage, problem: LaunchProblem): void {
  storage.setItem(KEY, JSON.stringify(problem));
}

export function recordedLaunchProblem(storage: Storage): LaunchProblem | undefined {
  try {
    const stored = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<LaunchProblem> | null;
    const fields = [stored?.title, stored?.detail, stored?.advice];
    return fields.every((field) => typeof field === 'string')
      ? (stored as LaunchProblem)
      : undefined;
  } catch {
    return undefined;
  }
}
