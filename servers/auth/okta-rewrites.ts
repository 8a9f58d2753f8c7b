/**
 * Request rewrites that make oidc-provider answer like Okta where okta-auth-js can tell the difference.
 */
import { IncomingMessage, type RequestListener } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import { ISSUER_PATH, TOKEN_REQUEST_MAX_BODY_BYTES } from './defaults.ts';
import { applyGracePeriod, inFamilyOrder } from './refresh-grace.ts';
import type { Store } from './store.ts';

/**
 * `/v1/authorize` query rewrites, as Koa middleware in front of oidc-provider:
 * - `offline_access` without `prompt=consent` is dropped by oidc-provider (OpenID Connect) but not by
 *   Okta, and okta-auth-js never sends `prompt`: ask for consent (approved automatically).
 * - `sessionToken` logins arrive with `prompt=none`; the one-time token is the authentication, so let
 *   the request reach the interaction step that redeems it.
 */
export function installAuthorizeRewrites(provider: Provider): void {
  provider.use(async (ctx, next) => {
    if (ctx.path === '/v1/authorize' && ctx.method === 'GET') {
      const query = { ...ctx.query } as Record<string, string | string[] | undefined>;
      const one = (v: string | string[] | undefined) => (Array.isArray(v) ? undefined : v);
      let prompt = one(query.prompt)?.split(' ').filter(Boolean) ?? [];
      if (one(query.sessionToken)) prompt = prompt.filter((p) => p !== 'none');
      const scopes = one(query.scope)?.split(' ') ?? [];
      if (
        scopes.includes('offline_access') &&
        !prompt.includes('none') &&
        !prompt.includes('consent')
      ) {
        prompt.push('consent');
      }
      if (prompt.length) query.prompt = prompt.join(' ');
      else delete query.prompt;
      ctx.query = query;
    }
    await next();
  });
}

/**
 * `/v1/token` rewrites: the form is read here and the request replayed to oidc-provider.
 * - `grant_type=interaction_code` (Identity Engine) is an authorization code under another name: the
 *   emulation mints a real code, and the request goes on as `grant_type=authorization_code`, so every
 *   token comes from the same configuration.
 * - A refresh with the previous refresh token within the rotation grace period goes on with the
 *   newest one (`refresh-grace.ts`).
 */
export function tokenRequestRewrites(callback: RequestListener, store: Store) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || !req.is('application/x-www-form-urlencoded')) {
      next();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= TOKEN_REQUEST_MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', next);
    req.on('end', () => {
      if (size > TOKEN_REQUEST_MAX_BODY_BYTES) {
        next(new errors.InvalidRequest('request body too large'));
        return;
      }
      const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      if (params.get('grant_type') === 'interaction_code') {
        params.set('grant_type', 'authorization_code');
        params.set('code', params.get('interaction_code') ?? '');
        params.delete('interaction_code');
      }
      const replay = new IncomingMessage(req.socket);
      inFamilyOrder(store, params, res, () => {
        applyGracePeriod(store, params, replay);
        const body = Buffer.from(params.toString());
        replay.method = req.method;
        replay.url = req.originalUrl.slice(ISSUER_PATH.length);
        replay.headers = { ...req.headers, 'content-length': String(body.length) };
        delete replay.headers['transfer-encoding'];
        Object.assign(replay, { originalUrl: req.originalUrl });
        replay.push(body);
        replay.push(null);
        // Marks the body as fully received; otherwise Node treats the end as an abort and kills the socket.
        replay.complete = true;
        callback(replay, res);
      }).catch(next);
    });
  };
}
