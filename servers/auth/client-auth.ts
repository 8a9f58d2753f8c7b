/**
 * Identifies the public client on revoke/introspect. okta-auth-js sends `Authorization: Basic
 * base64(clientId)` with no colon (and no secret), which oidc-provider rejects; Okta accepts it.
 */
import type { Request } from 'express';
import type { ClientConfig } from './config-input.ts';
import { InvalidClient } from './errors.ts';

export function authenticatePublicClient(
  req: Request,
  body: Record<string, unknown>,
  clients: ClientConfig[],
): ClientConfig {
  let clientId = typeof body.client_id === 'string' ? body.client_id : undefined;
  const header = req.get('authorization');
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const fromHeader = decodeClientId(decoded.split(':')[0] ?? '');
    if (clientId && clientId !== fromHeader)
      throw new InvalidClient('client_id does not match the Authorization header');
    clientId = fromHeader;
  }
  const client = clients.find((c) => c.clientId === clientId);
  if (!client) throw new InvalidClient();
  return client;
}

/** RFC 6749 §2.3.1 form-encodes the client id; a broken escape is a client that did not authenticate. */
function decodeClientId(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    throw new InvalidClient('the Authorization header is malformed');
  }
}
