/**
 * `/v1/logout` pages. Okta ends the session and redirects without asking; oidc-provider asks "Do you
 * want to sign out?". The page below submits the confirmation form itself (a button remains for
 * browsers without JavaScript), so `signOut()` lands on the post-logout URI with no user step.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { contentSecurityPolicy, newNonce, page } from './html.ts';

/** `postLogoutOrigins`: where the confirmation form ends up redirecting (CSP form-action). */
export const logoutSource = (postLogoutOrigins: readonly string[]) =>
  function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
    const nonce = newNonce();
    ctx.type = 'html';
    ctx.set(
      'Content-Security-Policy',
      contentSecurityPolicy({ nonce, formTargets: postLogoutOrigins }),
    );
    ctx.body = page(
      'Signing out',
      `<h1>Signing out…</h1>
${form}
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<noscript><button type="submit" form="op.logoutForm">Continue</button></noscript>`,
      nonce,
      "document.getElementById('op.logoutForm').submit();",
    );
  };

export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', contentSecurityPolicy());
  ctx.body = page('Signed out', '<h1>Signed out</h1><p class="lead">You have been signed out.</p>');
}
