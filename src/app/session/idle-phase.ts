import { SessionSettings } from '../config/runtime-config';

/** Where a session stands against the idle limit. */
export type IdlePhase =
  | { readonly kind: 'active' }
  | { readonly kind: 'warning'; readonly secondsLeft: number }
  | { readonly kind: 'expired' };

const ACTIVE: IdlePhase = { kind: 'active' };

/** The phase `nowMs` falls in, given the last activity in any tab; idle sign-out off is always active. */
export function idlePhase(
  lastActivityMs: number,
  nowMs: number,
  settings: SessionSettings,
): IdlePhase {
  if (settings.idleMinutes <= 0) return ACTIVE;
  const leftMs = lastActivityMs + settings.idleMinutes * 60_000 - nowMs;
  if (leftMs <= 0) return { kind: 'expired' };
  if (leftMs <= settings.warningSeconds * 1000)
    return { kind: 'warning', secondsLeft: Math.ceil(leftMs / 1000) };
  return ACTIVE;
}

/** "15 minutes", "1 minute", "30 seconds": the idle limit as the sign-out notice says it. */
export function describeIdleLimit(idleMinutes: number): string {
  if (idleMinutes < 1) {
    const seconds = Math.round(idleMinutes * 60);
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.round(idleMinutes * 10) / 10;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
