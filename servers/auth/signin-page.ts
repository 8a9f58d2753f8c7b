/**
 * The hosted sign-in page: labelled fields, the first field focused, errors announced (role=alert),
 * no JavaScript at all (the CSP forbids it), and one message for every credential failure.
 */
import { escapeHtml, page } from './html.ts';

export interface SignInView {
  action: string;
  username?: string;
  error?: string;
  /** Another heading and lead, for the EHR simulator's sign-in. */
  heading?: string;
  lead?: string;
  /** Hidden fields the form carries (the EHR simulator's form token). */
  hidden?: Record<string, string>;
}

export function signInPage({
  action,
  username,
  error,
  heading = 'Sign in',
  lead = 'Local Okta-compatible sign-in for fhirokta.',
  hidden = {},
}: SignInView): string {
  const errorBlock = error
    ? `<div class="error" role="alert" id="signin-error">${escapeHtml(error)}</div>`
    : '';
  const describedBy = error ? ' aria-describedby="signin-error" aria-invalid="true"' : '';
  const focusUser = !username ? ' autofocus' : '';
  const focusPassword = username ? ' autofocus' : '';
  const hiddenFields = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return page(
    `${heading} · fhirokta`,
    `<h1>${escapeHtml(heading)}</h1>
<p class="lead">${escapeHtml(lead)}</p>
${errorBlock}
<form method="post" action="${escapeHtml(action)}" novalidate>${hiddenFields}
  <label for="username">Username</label>
  <input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(username ?? '')}"${focusUser}${describedBy}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${focusPassword}${describedBy}>
  <button type="submit">Sign in</button>
</form>
<p class="hint">Demo users are listed in the README.</p>`,
  );
}
