/**
 * The launch steps of a SMART authorization (oidc-provider's consent prompt, for requests with
 * `launch` or `launch/patient`), in the order Okta's SMART reference runs them behind its authorize
 * proxy:
 * 1. the patient: an EHR launch's from its launch context (bound to this client and this user), a
 *    patient-bound user's own, or else the one chosen in the patient picker;
 * 2. consent: the scopes the user's policy allows, in words; optional ones can be unticked. Approving
 *    the same scopes again in the same browser session is not asked twice;
 * 3. a grant of its own for the launch, holding the approved scopes and the context (launch-grants.ts),
 *    and the launch context used up.
 * A refusal goes back to the app as an OAuth error with a sentence, never as a loop.
 */
import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { AuthConfig } from './config.ts';
import { CLIENT_LABEL, ISSUER_PATH, OIDC_SCOPES } from './defaults.ts';
import { EXPIRED_SIGN_IN_PAGE } from './error-pages.ts';
import type { FhirReader } from './fhir-reader.ts';
import { sendPage } from './html.ts';
import type { LaunchChoice, LaunchContexts } from './launch-contexts.ts';
import type { LaunchGrants } from './launch-grants.ts';
import { consentPage, pickerPage } from './launch-pages.ts';
import { describeScope } from './scope-words.ts';
import { grantedScopes, splitScope } from './scopes.ts';
import type { Store } from './store.ts';
import type { User, UserDirectory } from './users.ts';

export interface LaunchStepDeps {
  provider: Provider;
  config: AuthConfig;
  users: UserDirectory;
  store: Store;
  contexts: LaunchContexts;
  grants: LaunchGrants;
  reader: FhirReader;
  /** Where the browser may go after a form is posted: the apps' redirect origins. */
  formTargets: readonly string[];
}

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The patient a standalone launch's user picked, until consent (one record per interaction). */
const PICK = 'LaunchPick';
/** Scopes approved in a browser session for a client: the same request is not asked again. */
const APPROVED = 'LaunchConsent';
const DENIED = 'You did not allow fhirokta to open the record.';
const NO_PATIENTS = 'Your account may not open patients’ records, so no patient can be chosen.';

/** The parts of an interaction a launch step needs, or undefined when it is not a usable one. */
interface Step {
  details: Interaction;
  user: User;
  clientId: string;
  sessionUid: string;
  requested: string[];
}

export interface LaunchSteps {
  /** GET of the interaction page when the request is a launch. */
  show(req: Request, res: Response, details: Interaction): Promise<void>;
  /** The picker's choice and the consent decision. */
  routes(): Router;
}

export function createLaunchSteps(deps: LaunchStepDeps): LaunchSteps {
  const { provider, config, store, contexts, grants, reader } = deps;
  const base = (uid: string) => `${ISSUER_PATH}/interaction/${encodeURIComponent(uid)}`;
  const finishWith = (req: Request, res: Response, error: string, description: string) =>
    provider.interactionFinished(
      req,
      res,
      { error, error_description: description },
      { mergeWithLastSubmission: false },
    );

  function stepOf(details: Interaction): Step | undefined {
    // Only once the sign-in is done: while it is still asked for (prompt=login, max_age) the session's
    // user is not yet the one deciding, and a posted form must not pick, consent or use up a launch.
    if (details.prompt.name !== 'consent') return undefined;
    const user = deps.users.byId(details.session?.accountId ?? '');
    const clientId = details.params['client_id'];
    const sessionUid = details.session?.uid;
    if (!user || typeof clientId !== 'string' || !sessionUid) return undefined;
    return {
      details,
      user,
      clientId,
      sessionUid,
      requested: splitScope(details.params['scope'] as string | undefined),
    };
  }

  /** The launch's context, or the sentence that refuses it; `pick` when the user must choose first. */
  function contextOf(
    step: Step,
    use: 'check' | 'redeem',
  ): { choice: LaunchChoice } | { refused: string } | { pick: true } {
    const launch = step.details.params['launch'];
    if (typeof launch === 'string') {
      const verdict = contexts[use](launch, step.clientId, step.user.id);
      return verdict.ok ? { choice: verdict.context } : { refused: verdict.reason };
    }
    const patient =
      step.user.patient ?? store.get<{ patient: string }>(PICK, step.details.uid)?.patient;
    if (!patient) return { pick: true };
    // Standalone: fhirokta is not inside an EHR, so it shows its own patient banner.
    return { choice: { patient, needPatientBanner: true, accessTokenOnly: false } };
  }

  /** Whether the picker can list anyone for this user: a user/ scope that reads Patient. */
  const mayChoose = (user: User) =>
    grantedScopes(['user/Patient.r'], user.allowedScopes, config.scopes).length > 0;

  /** What the user's policy grants of the request: the consent page offers no more than this. */
  const offered = (step: Step) =>
    grantedScopes(step.requested, step.user.allowedScopes, config.scopes);

  /**
   * Grants the launch. `shown` is the patient the consent page named, when one was shown: a choice
   * changed behind it (another tab, a forged picker post) is asked about again, never granted unseen.
   */
  async function finish(
    req: Request,
    res: Response,
    step: Step,
    approved: string[],
    shown?: string,
  ) {
    const check = contextOf(step, 'check');
    if ('choice' in check && shown !== undefined && check.choice.patient !== shown)
      return res.redirect(303, base(step.details.uid));
    const context = contextOf(step, 'redeem');
    if ('refused' in context) return finishWith(req, res, 'invalid_request', context.refused);
    if ('pick' in context) return res.redirect(303, base(step.details.uid));
    const grant = new provider.Grant({ accountId: step.user.id, clientId: step.clientId });
    const oidc = approved.filter((s) => (OIDC_SCOPES as readonly string[]).includes(s));
    if (oidc.length) grant.addOIDCScope(oidc.join(' '));
    grant.addResourceScope(config.audience, approved.join(' '));
    const grantId = await grant.save();
    const lifetime = config.lifetimes.refreshTokenSeconds;
    grants.record(
      { grantId, context: context.choice, scopes: approved },
      step.sessionUid,
      lifetime,
    );
    store.remove(PICK, step.details.uid);
    store.put(
      APPROVED,
      `${step.sessionUid} ${step.clientId}`,
      { scopes: approved },
      config.lifetimes.sessionSeconds,
    );
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  async function showPicker(req: Request, res: Response, step: Step, problem?: string) {
    const name = typeof req.query['name'] === 'string' ? req.query['name'].slice(0, 100) : '';
    const answer = await reader.searchPatients(step.user, step.clientId, name);
    const html = pickerPage({
      searchAction: base(step.details.uid),
      chooseAction: `${base(step.details.uid)}/patient`,
      cancelAction: `${base(step.details.uid)}/consent`,
      name,
      result: answer.ok ? answer.value : { problem: answer.problem },
      problem,
    });
    sendPage(res, problem ? 400 : 200, html, deps.formTargets);
  }

  async function showConsent(res: Response, step: Step, choice: LaunchChoice) {
    const patient = await reader.readPatient(step.user, step.clientId, choice.patient);
    const html = consentPage({
      action: `${base(step.details.uid)}/consent`,
      clientName: CLIENT_LABEL,
      userName: `${step.user.givenName} ${step.user.familyName} (${step.user.login})`,
      patient: patient.ok ? patient.value : undefined,
      patientId: choice.patient,
      scopes: offered(step).map(describeScope),
    });
    sendPage(res, 200, html, deps.formTargets);
  }

  /** The interaction behind this request, only if the URL names it (the cookie alone is not enough). */
  async function interactionOf(req: Request, res: Response): Promise<Step | undefined> {
    const details = await provider.interactionDetails(req, res).catch(() => undefined);
    return details && details.uid === req.params['uid'] ? stepOf(details) : undefined;
  }

  return {
    async show(req, res, details) {
      const step = stepOf(details);
      if (!step) return finishWith(req, res, 'access_denied', DENIED);
      const context = contextOf(step, 'check');
      if ('refused' in context) return finishWith(req, res, 'invalid_request', context.refused);
      if ('pick' in context)
        return mayChoose(step.user)
          ? showPicker(req, res, step)
          : finishWith(req, res, 'access_denied', NO_PATIENTS);
      const remembered = store.get<{ scopes: string[] }>(
        APPROVED,
        `${step.sessionUid} ${step.clientId}`,
      );
      const wanted = offered(step);
      if (remembered && wanted.every((s) => remembered.scopes.includes(s)))
        return finish(req, res, step, wanted);
      return showConsent(res, step, context.choice);
    },

    routes() {
      const router = express.Router();
      const form = express.urlencoded({ extended: false, limit: '16kb' });
      const path = `${ISSUER_PATH}/interaction/:uid`;

      router.post(`${path}/patient`, form, async (req, res) => {
        const step = await interactionOf(req, res);
        if (!step || step.user.patient || typeof step.details.params['launch'] === 'string') {
          sendPage(res, 400, EXPIRED_SIGN_IN_PAGE);
          return;
        }
        const id = typeof req.body?.patient === 'string' ? req.body.patient : '';
        const patient = await reader.readPatient(step.user, step.clientId, id);
        if (!patient.ok) return showPicker(req, res, step, patient.problem);
        store.put(
          PICK,
          step.details.uid,
          { patient: patient.value.id },
          config.lifetimes.interactionSeconds,
        );
        res.redirect(303, base(step.details.uid));
      });

      router.post(`${path}/consent`, form, async (req, res) => {
        const step = await interactionOf(req, res);
        if (!step) {
          sendPage(res, 400, EXPIRED_SIGN_IN_PAGE);
          return;
        }
        if (req.body?.decision !== 'allow') return finishWith(req, res, 'access_denied', DENIED);
        const raw: unknown = req.body?.scope;
        const ticked = new Set(Array.isArray(raw) ? raw : [raw]);
        // Only what was offered, and of that the required scopes always and the others if ticked.
        const approved = offered(step).filter(
          (scope) => describeScope(scope).required || ticked.has(scope),
        );
        const shown = typeof req.body?.patient === 'string' ? req.body.patient : '';
        return finish(req, res, step, approved, shown);
      });
      return router;
    },
  };
}
