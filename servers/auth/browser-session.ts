/**
 * Starts an authorization-server session for a user who signed in through the Sign-In Widget's
 * Identity Engine calls. Okta does the same: afterwards okta-auth-js can renew through the hidden
 * iframe (`prompt=none`) and `signOut()` has a session to end. The cookie is the one oidc-provider
 * itself reads (same name, signing keys and options).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';

export async function startBrowserSession(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  accountId: string,
  ttlSeconds: number,
  remember: boolean,
): Promise<void> {
  const session = new provider.Session();
  session.loginAccount({ accountId, amr: ['pwd'], transient: !remember });
  await session.save(ttlSeconds);
  const ctx = provider.createContext(req, res);
  ctx.cookies.set(provider.cookieName('session'), session.jti, {
    httpOnly: true,
    sameSite: 'lax',
    ...(remember ? { maxAge: ttlSeconds * 1000 } : {}),
  });
}

/** The browser's signed-in user at this authorization server (its Okta session), if any. */
export async function signedInAccount(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<string | undefined> {
  const ctx = provider.createContext(req, res);
  const id = ctx.cookies.get(provider.cookieName('session'), { signed: true });
  const session = id ? await provider.Session.find(id) : undefined;
  return session?.accountId;
}
