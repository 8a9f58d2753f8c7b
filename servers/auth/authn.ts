/**
 * Classic Engine primary authentication, `POST /api/v1/authn` (Sign-In Widget with
 * `useClassicEngine: true`, okta-auth-js `signInWithCredentials`): a one-time `sessionToken` that
 * `/v1/authorize?sessionToken=...` then redeems.
 */
import express, { type Router } from 'express';
import { errors } from 'oidc-provider';
import type { AuthConfig } from './config.ts';
import { PROFILE_DEFAULTS } from './defaults.ts';
import { AuthenticationFailed, OktaApiError, TooManyAttempts } from './errors.ts';
import type { PasswordLogin } from './login.ts';
import type { SessionTokens } from './session-tokens.ts';

export function authnRoutes(deps: {
  config: AuthConfig;
  login: PasswordLogin;
  sessionTokens: SessionTokens;
}): Router {
  const router = express.Router();
  router.post(
    '/api/v1/authn',
    express.json({ type: ['application/json', 'application/*+json'] }),
    async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { username, password } = body;
      if (typeof username !== 'string' || typeof password !== 'string') {
        throw new OktaApiError(
          400,
          'E0000001',
          'Api validation failed: username and password are required',
        );
      }
      const result = await deps.login(username, password, req.ip ?? 'unknown');
      if (!result.ok)
        throw result.reason === 'locked' ? new TooManyAttempts() : new AuthenticationFailed();
      const { user } = result;
      const { sessionToken, expiresAt } = deps.sessionTokens.issue(user.id);
      res.set('Cache-Control', 'no-store').json({
        expiresAt,
        status: 'SUCCESS',
        sessionToken,
        _embedded: {
          user: {
            id: user.id,
            passwordChanged: '2024-01-01T00:00:00.000Z',
            profile: {
              login: user.login,
              firstName: user.givenName,
              lastName: user.familyName,
              locale: PROFILE_DEFAULTS.locale,
              timeZone: PROFILE_DEFAULTS.timeZone,
            },
          },
        },
      });
    },
  );
  // Recovery, unlock, MFA and the other Classic transaction steps are not emulated: say so, Okta-style.
  router.all(/^\/api\/v1\/authn\/.+/, () => {
    throw new OktaApiError(
      501,
      'E0000060',
      'Unsupported operation: this local authorization server only supports password sign-in.',
    );
  });
  router.all('/api/v1/{*rest}', () => {
    throw new errors.InvalidRequest('Not supported by the local authorization server.');
  });
  return router;
}
