/**
 * The hosted sign-in page behind `/v1/authorize` (oidc-provider's interaction step). Consent is
 * approved automatically, as Okta does for a first-party app, except for a SMART launch, whose steps
 * (patient picker, consent page) are launch-interaction.ts's; a Classic Engine `sessionToken`
 * completes the login with no page at all.
 */
import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { ClientConfig } from './config-input.ts';
import { originsOf } from './config.ts';
import { ISSUER_PATH } from './defaults.ts';
import { EXPIRED_SIGN_IN_PAGE } from './error-pages.ts';
import { sendPage } from './html.ts';
import type { LaunchSteps } from './launch-interaction.ts';
import type { PasswordLogin } from './login.ts';
import { isLaunchRequest, splitScope } from './scopes.ts';
import type { SessionTokens } from './session-tokens.ts';
import { signInPage } from './signin-page.ts';

const INVALID = 'Incorrect username or password. Check both and try again.';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The interaction this request belongs to, or undefined once the expired-sign-in page is sent. */
async function interactionOf(
  provider: Provider,
  req: Request,
  res: Response,
): Promise<Interaction | undefined> {
  try {
    return await provider.interactionDetails(req, res);
  } catch {
    sendPage(res, 400, EXPIRED_SIGN_IN_PAGE);
    return undefined;
  }
}

export function interactionRoutes(
  provider: Provider,
  clients: ClientConfig[],
  login: PasswordLogin,
  sessionTokens: SessionTokens,
  launchSteps: LaunchSteps,
): Router {
  const router = express.Router();
  // After the form is posted the browser is redirected to the app: CSP form-action must allow it.
  const formTargets = originsOf(clients.flatMap((c) => c.redirectUris));
  const action = (uid: string) => `${ISSUER_PATH}/interaction/${encodeURIComponent(uid)}`;

  router.get(`${ISSUER_PATH}/interaction/:uid`, async (req: Request, res: Response) => {
    const details = await interactionOf(provider, req, res);
    if (!details) return;
    const { prompt, params, uid } = details;
    if (prompt.name === 'consent' && isLaunchRequest(splitScope(params.scope as string))) {
      await launchSteps.show(req, res, details);
      return;
    }
    if (prompt.name === 'consent') {
      // Okta asks no consent of a first-party app; `offline_access` requests get here (okta-rewrites.ts).
      await provider.interactionFinished(
        req,
        res,
        { consent: {} },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    const sessionToken = typeof params.sessionToken === 'string' ? params.sessionToken : undefined;
    if (sessionToken) {
      // okta-auth-js `signInWithCredentials` → hidden iframe with `sessionToken`: no page, just a result.
      const userId = sessionTokens.redeem(sessionToken);
      const result = userId
        ? { login: { accountId: userId, amr: ['pwd'] }, consent: {} }
        : {
            error: 'access_denied',
            error_description: 'The session token is invalid or has expired.',
          };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    const hint = typeof params.login_hint === 'string' ? params.login_hint : undefined;
    sendPage(res, 200, signInPage({ action: action(uid), username: hint }), formTargets);
  });

  router.post(
    `${ISSUER_PATH}/interaction/:uid`,
    express.urlencoded({ extended: false }),
    async (req, res) => {
      const details = await interactionOf(provider, req, res);
      if (!details) return;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const username = typeof body.username === 'string' ? body.username : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const result = await login(username, password, req.ip ?? 'unknown');
      if (!result.ok) {
        const error = result.reason === 'locked' ? result.message : INVALID;
        sendPage(
          res,
          result.reason === 'locked' ? 429 : 200,
          signInPage({ action: action(details.uid), username, error }),
          formTargets,
        );
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: result.user.id, amr: ['pwd'] }, consent: {} },
        { mergeWithLastSubmission: false },
      );
    },
  );

  return router;
}
