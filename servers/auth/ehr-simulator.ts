/**
 * The EHR simulator at `{origin}/ehr` (development only; served when the stack turns it on): the
 * user signs in (or is signed in already, with the same session the app's sign-in uses), picks a
 * patient and optionally one of their encounters, sets the launch options and presses "Launch
 * fhirokta". That makes a launch context bound to the app's client and this user
 * (launch-contexts.ts) and opens `{app}/launch?iss={FHIR base}&launch={id}`, as an EHR opens a SMART app.
 */
import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import { signedInAccount, startBrowserSession } from './browser-session.ts';
import type { AuthClient, AuthConfig } from './config.ts';
import { SIMULATOR_STYLE, SMART_LAUNCH } from './defaults.ts';
import { ehrLaunchPage, ehrPatientsPage } from './ehr-pages.ts';
import type { FhirReader } from './fhir-reader.ts';
import { formToken, isOwnForm } from './form-guard.ts';
import { page, sendPage } from './html.ts';
import type { LaunchChoice, LaunchContexts } from './launch-contexts.ts';
import type { PasswordLogin } from './login.ts';
import { signInPage } from './signin-page.ts';
import type { User, UserDirectory } from './users.ts';

export interface EhrSimulatorDeps {
  provider: Provider;
  config: AuthConfig;
  users: UserDirectory;
  login: PasswordLogin;
  contexts: LaunchContexts;
  reader: FhirReader;
}

const INVALID = 'Incorrect username or password. Check both and try again.';
const FORM_EXPIRED = page(
  'Form expired · EHR simulator',
  `<h1>This form has expired</h1>
<p class="lead">It did not come from this page in this browser. Open the EHR simulator again.</p>`,
);

/** The app's client: the one that redirects to the app's origin, else the first one configured. */
export function simulatorClient(config: AuthConfig): AuthClient {
  const client =
    config.clients.find((c) =>
      c.redirectUris.some((uri) => new URL(uri).origin === config.appOrigin),
    ) ?? config.clients[0];
  if (!client) throw new Error('the EHR simulator needs a client to launch');
  return client;
}

/** `{app}/launch?iss=…&launch=…`: the URL an EHR opens to launch a SMART app. */
export function appLaunchUrl(config: AuthConfig, launch: string): string {
  const url = new URL('/launch', config.appOrigin);
  url.searchParams.set('iss', config.audience);
  url.searchParams.set('launch', launch);
  return url.href;
}

export function ehrSimulatorRoutes(deps: EhrSimulatorDeps): Router {
  const { provider, config, reader } = deps;
  const path = SMART_LAUNCH.simulatorPath;
  const client = simulatorClient(config);
  // After "Launch" the browser goes to the app: CSP form-action must allow it.
  const formTargets = [config.appOrigin];
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const userName = (user: User) => `${user.givenName} ${user.familyName} (${user.login})`;
  const header = (user: User) => ({
    userName: userName(user),
    appLaunchUrl: appLaunchUrl(config, '…'),
  });

  const signedInUser = async (req: Request, res: Response) => {
    const id = await signedInAccount(provider, req, res);
    return id ? deps.users.byId(id) : undefined;
  };

  const showSignIn = (req: Request, res: Response, status: number, error?: string) =>
    sendPage(
      res,
      status,
      signInPage({
        action: `${path}/sign-in`,
        heading: 'Sign in to the EHR simulator',
        lead: 'Development only: the EHR that launches fhirokta. Sign in as one of the demo users.',
        hidden: formToken(req, res, path),
        ...(error ? { error } : {}),
      }),
    );

  async function showLaunchForm(
    req: Request,
    res: Response,
    user: User,
    patientId: string,
    problem?: string,
  ) {
    const patient = await reader.readPatient(user, client.clientId, patientId);
    if (!patient.ok) return showPatients(req, res, user, patient.problem);
    const encounters = await reader.encounters(user, client.clientId, patient.value.id);
    const html = ehrLaunchPage({
      ...header(user),
      action: `${path}/launch`,
      patient: patient.value,
      encounters,
      hidden: formToken(req, res, path),
      ...(problem ? { problem } : {}),
    });
    sendPage(res, problem ? 400 : 200, html, formTargets);
  }

  async function showPatients(req: Request, res: Response, user: User, problem?: string) {
    const name = typeof req.query['name'] === 'string' ? req.query['name'].slice(0, 100) : '';
    const answer = await reader.searchPatients(user, client.clientId, name);
    const html = ehrPatientsPage({
      ...header(user),
      searchAction: path,
      chooseAction: path,
      chooseMethod: 'get',
      name,
      result: answer.ok ? answer.value : { problem: answer.problem },
      ...(problem ? { problem } : {}),
    });
    sendPage(res, problem ? 400 : 200, html);
  }

  router.get(path, async (req, res) => {
    const user = await signedInUser(req, res);
    if (!user) return showSignIn(req, res, 200);
    // A patient-bound user's EHR has only their own record open.
    const patient = user.patient ?? req.query['patient'];
    if (typeof patient === 'string' && patient) return showLaunchForm(req, res, user, patient);
    return showPatients(req, res, user);
  });

  router.post(`${path}/sign-in`, form, async (req, res) => {
    if (!isOwnForm(req, config.origin)) return sendPage(res, 403, FORM_EXPIRED);
    const body = req.body as Record<string, unknown>;
    const username = typeof body['username'] === 'string' ? body['username'] : '';
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    const result = await deps.login(username, password, req.ip ?? 'unknown');
    if (!result.ok)
      return showSignIn(
        req,
        res,
        result.reason === 'locked' ? 429 : 401,
        result.reason === 'locked' ? result.message : INVALID,
      );
    await startBrowserSession(
      provider,
      req,
      res,
      result.user.id,
      config.lifetimes.sessionSeconds,
      false,
    );
    res.redirect(303, path);
  });

  router.post(`${path}/launch`, form, async (req, res) => {
    if (!isOwnForm(req, config.origin)) return sendPage(res, 403, FORM_EXPIRED);
    const user = await signedInUser(req, res);
    if (!user) return showSignIn(req, res, 401);
    const body = req.body as Record<string, unknown>;
    const patientId = typeof body['patient'] === 'string' ? body['patient'] : '';
    // The EHR has open only a patient this user may see (and a patient-bound user only their own).
    const patient = await reader.readPatient(user, client.clientId, patientId);
    if (!patient.ok) return showPatients(req, res, user, patient.problem);
    if (user.patient !== undefined && user.patient !== patient.value.id)
      return showPatients(req, res, user, 'You may launch fhirokta only with your own record.');
    const encounterId = typeof body['encounter'] === 'string' ? body['encounter'] : '';
    if (encounterId) {
      const encounter = await reader.readEncounter(user, client.clientId, patientId, encounterId);
      if (!encounter.ok) return showLaunchForm(req, res, user, patientId, encounter.problem);
    }
    const choice: LaunchChoice = {
      patient: patient.value.id,
      ...(encounterId ? { encounter: encounterId } : {}),
      needPatientBanner: body['need_patient_banner'] === 'on',
      ...(body['smart_style'] === 'on'
        ? { styleUrl: `${config.origin}${path}/smart-style.json` }
        : {}),
      accessTokenOnly: body['access_token_only'] === 'on',
    };
    const launch = deps.contexts.create(choice, client.clientId, user.id);
    res.redirect(303, appLaunchUrl(config, launch));
  });

  // The app reads it with a plain GET from its own origin (CORS: cors.ts, the app's origins).
  router.get(`${path}/smart-style.json`, (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(SIMULATOR_STYLE);
  });

  return router;
}
