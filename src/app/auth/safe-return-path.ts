/**
 * Turns a stored "return to" URI into an app path that is safe to navigate to: same origin as
 * the app, never the callback or login routes, else "/patients". Stops open redirects through
 * a crafted originalUri.
 */
export function safeReturnPath(originalUri: string | undefined, appOrigin: string): string {
  const fallback = '/patients';
  if (!originalUri) return fallback;
  let url: URL;
  try {
    url = new URL(originalUri, appOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== appOrigin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path starting with "//" would be read as a protocol-relative URL by some routers.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return fallback;
  return path;
}
