/**
 * `response_mode=okta_post_message`: okta-auth-js uses it for hidden-iframe renewal (`prompt=none`) and
 * for `sessionToken` logins, and waits 120 s for the message if it never comes. The page posts the
 * authorization response to the redirect URI's origin; the SDK checks that it came from the issuer.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { contentSecurityPolicy, newNonce, page, scriptJson } from './html.ts';

/** `frameAncestors`: the app origins that load this page in their hidden iframe. */
export function oktaPostMessage(frameAncestors: readonly string[]) {
  return (ctx: KoaContextWithOIDC, redirectUri: string, payload: Record<string, unknown>): void => {
    const nonce = newNonce();
    const targetOrigin = new URL(redirectUri).origin;
    const script = `(function(){var data=${scriptJson(payload)};var target=window.opener||window.parent;target.postMessage(data,${scriptJson(targetOrigin)});})();`;
    ctx.type = 'html';
    ctx.status = 200;
    ctx.response.remove('x-frame-options');
    ctx.set('Content-Security-Policy', contentSecurityPolicy({ nonce, frameAncestors }));
    ctx.body = page('Signing in', '<p>Completing sign-in…</p>', nonce, script);
  };
}
