import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { SessionSettings } from '../config/runtime-config';
import { describeIdleLimit } from './idle-phase';

/** Why a session ended without the user pressing Sign out in this tab. */
export type SessionEndReason =
  | 'idle'
  | 'signed-out-elsewhere'
  | 'ended-elsewhere'
  | 'okta-session-ended'
  | 'renewal-failed'
  | 'sign-out-incomplete'
  | 'signed-out-of-ehr';

/** What the login page tells the user, and the page to return to after signing in again. */
export interface SessionEndNotice {
  readonly reason: SessionEndReason;
  readonly returnPath: string;
}

const REASONS: readonly SessionEndReason[] = [
  'idle',
  'signed-out-elsewhere',
  'ended-elsewhere',
  'okta-session-ended',
  'renewal-failed',
  'sign-out-incomplete',
  'signed-out-of-ehr',
];

/** The sentence for each reason, with the way back. */
export function sessionEndMessage(reason: SessionEndReason, settings: SessionSettings): string {
  switch (reason) {
    case 'idle':
      return `You were signed out after ${describeIdleLimit(settings.idleMinutes)} without activity. Sign in again to go back to where you were.`;
    case 'signed-out-elsewhere':
      return 'You signed out in another tab of this app. Sign in again to go back to where you were.';
    case 'ended-elsewhere':
      return 'Your session was ended elsewhere (a sign-out on another device, or by an administrator). Sign in again to go back to where you were.';
    case 'okta-session-ended':
      return 'Your Okta session has ended (it expired, or you signed out of Okta elsewhere). Sign in again to go back to where you were.';
    case 'sign-out-incomplete':
      return 'You are signed out of this app, but the sign-in service could not be reached to end your Okta session. Close the browser before you leave this workstation.';
    case 'signed-out-of-ehr':
      return 'You signed out of fhirokta. The EHR that opened it may keep you signed in to the EHR itself: sign out there too before you leave this workstation.';
    case 'renewal-failed':
      return 'Your session could not be renewed (the sign-in service did not answer, or the browser blocks the cookies renewal needs). Sign in again to go back to where you were.';
  }
}

/**
 * Why renewing the access token failed, from okta-auth-js's error: a refused refresh token was revoked
 * (or its grant ended); `login_required` from the hidden iframe means the Okta session is gone; any
 * other failure (timeout, blocked third-party cookies, network) is a renewal that could not happen.
 */
export function renewalFailureReason(error: unknown): SessionEndReason {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const code = e['errorCode'] ?? e['error'];
  if (code === 'invalid_grant') return 'ended-elsewhere';
  if (code === 'login_required' || code === 'interaction_required') return 'okta-session-ended';
  return 'renewal-failed';
}

const KEY = 'fhirokta.session-end';

/**
 * The page to return to after signing in again: an app URL's path alone. Its query can hold search
 * terms (a name, a birth date) that must not outlive the session in this tab's storage, where the
 * next person at the workstation would find them.
 */
export function returnPathOf(url: string): string {
  return url.split(/[?#]/)[0] || '/patients';
}

/**
 * Carries a notice across the sign-out redirect in this tab's sessionStorage: the tab that signs out
 * leaves the app (for Okta's logout) and comes back as a fresh page. It stays until the user signs in
 * again: reading it never consumes it, so a page that is replaced while loading cannot lose it.
 */
@Injectable({ providedIn: 'root' })
export class SessionEndNotices {
  private readonly router = inject(Router);
  /** Why the last renewal of this tab's token failed, for the "Sign in again" that follows. */
  lastRenewalFailure?: SessionEndReason;

  record(notice: SessionEndNotice): void {
    const kept: SessionEndNotice = { ...notice, returnPath: returnPathOf(notice.returnPath) };
    sessionStorage.setItem(KEY, JSON.stringify(kept));
  }

  /** Records why the session ended, with the way back to the page the user is on. */
  recordHere(reason: SessionEndReason): void {
    this.record({ reason, returnPath: this.router.url });
  }

  /** The notice left for this tab, if any. */
  current(): SessionEndNotice | undefined {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    try {
      const notice = JSON.parse(raw) as Partial<SessionEndNotice>;
      if (!REASONS.includes(notice.reason as SessionEndReason)) return undefined;
      const returnPath = returnPathOf(
        typeof notice.returnPath === 'string' ? notice.returnPath : '',
      );
      return { reason: notice.reason as SessionEndReason, returnPath };
    } catch {
      return undefined;
    }
  }

  /** Signed in again: the notice has done its work. */
  clear(): void {
    sessionStorage.removeItem(KEY);
    this.lastRenewalFailure = undefined;
  }
}
