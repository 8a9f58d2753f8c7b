/**
 * The HTML refusals, for a browser that cannot be sent back to the app: oidc-provider's errors (an
 * unregistered `redirect_uri` or `post_logout_redirect_uri`, a malformed request) and a sign-in page
 * whose interaction has expired. One shape for all: a heading, then what is known.
 */
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { contentSecurityPolicy, escapeHtml, page } from './html.ts';

function errorPage(title: string, heading: string, bodyHtml: string): string {
  return page(title, `<h1>${escapeHtml(heading)}</h1>\n${bodyHtml}`);
}

/** oidc-provider's `renderError`: every HTML error of its own endpoints. */
export function renderProviderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', contentSecurityPolicy());
  const rows = Object.entries(out)
    .map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: ${escapeHtml(v)}</p>`)
    .join('\n');
  ctx.body = errorPage('Sign-in error', 'Something went wrong', rows);
}

/** The hosted sign-in page's interaction has expired (or never existed): start over from the app. */
export const EXPIRED_SIGN_IN_PAGE = errorPage(
  'Sign-in expired',
  'This sign-in has expired',
  '<p class="lead">Go back to the app and sign in again.</p>',
);
