import {
  authorizationRefused,
  discoveryFailed,
  recordLaunchProblem,
  recordedLaunchProblem,
  sessionEnded,
  tokenRefused,
} from './launch-problems';

const EHR = { name: 'Example EHR', iss: 'https://ehr.example/fhir', clientId: 'ehr-app' };
const LAUNCHED = { ehr: EHR, launched: true };
const STANDALONE = { ehr: EHR, launched: false };
const SCOPES = ['launch', 'openid'];

describe('launch problems, in words', () => {
  it('each error on the redirect has its own sentence and way out', () => {
    const shapes: [string, string, RegExp][] = [
      ['access_denied', 'Access was not granted', /access was declined/],
      ['invalid_scope', 'Example EHR refused what fhirokta asked for', /launch openid/],
      ['unauthorized_client', 'Example EHR does not accept fhirokta', /client id ehr-app/],
      ['invalid_client', 'Example EHR does not accept fhirokta', /invalid_client/],
      ['login_required', 'You are not signed in to Example EHR', /sign in or to approve/],
      ['server_error', 'Example EHR could not sign you in', /failed \(server_error\)/],
      ['invalid_request', 'Example EHR refused the sign-in', /used only once/],
    ];
    for (const [error, title, detail] of shapes) {
      const problem = authorizationRefused(LAUNCHED, error, null, SCOPES);
      expect(problem.title).withContext(error).toBe(title);
      expect(problem.detail).withContext(error).toMatch(detail);
      expect(problem.advice).withContext(error).not.toBe('');
    }
  });

  it('quotes what the EHR said on one line, cut short', () => {
    const long = authorizationRefused(LAUNCHED, 'access_denied', `a\n\n${'b'.repeat(400)}`, []);
    expect(long.detail).toMatch(/The EHR said: “a b{298}…”\.$/);
    expect(authorizationRefused(LAUNCHED, 'access_denied', '   ', []).detail).not.toContain('said');
  });

  it('sends a launched user back to the EHR, and a standalone one to the sign-in page', () => {
    expect(authorizationRefused(LAUNCHED, 'access_denied', null, []).advice).toContain(
      'Open fhirokta again from the EHR.',
    );
    expect(authorizationRefused(STANDALONE, 'access_denied', null, []).advice).toContain(
      'Sign in with Example EHR again from the sign-in page.',
    );
    expect(sessionEnded(LAUNCHED).detail).toBe(
      'Your session from Example EHR has ended: open fhirokta again from the EHR.',
    );
    expect(sessionEnded(STANDALONE).detail).toBe(
      'Your session from Example EHR has ended: sign in with Example EHR again.',
    );
  });

  it('names a code from an odd EHR without repeating all of it', () => {
    const problem = authorizationRefused(LAUNCHED, 'x'.repeat(500), null, []);
    expect(problem.detail.length).toBeLessThan(200);
  });

  it('tells token-endpoint refusals, refused ID tokens and no answer apart', () => {
    expect(
      tokenRefused(LAUNCHED, { errorCode: 'invalid_grant', errorSummary: 'launch already used' })
        .detail,
    ).toBe('Its token service answered invalid_grant. The EHR said: “launch already used”.');
    expect(
      tokenRefused(LAUNCHED, {
        errorCode: 'INTERNAL',
        errorSummary: 'The issuer [https://evil.test] does not match [https://ehr.example]',
      }).detail,
    ).toContain('What it sent back could not be accepted: The issuer');
    expect(tokenRefused(LAUNCHED, new TypeError('Failed to fetch')).detail).toContain(
      'could not be reached',
    );
  });

  it('says which discovery failed and why', () => {
    expect(discoveryFailed(LAUNCHED, 'its SMART configuration answered HTTP 404.').detail).toBe(
      'fhirokta could not find out from https://ehr.example/fhir where to sign you in: its SMART configuration answered HTTP 404.',
    );
  });

  it('carries a problem to the launch-error page, and nothing that is not one', () => {
    sessionStorage.removeItem('fhirokta.launch-problem');
    expect(recordedLaunchProblem(sessionStorage)).toBeUndefined();
    recordLaunchProblem(sessionStorage, sessionEnded(LAUNCHED));
    expect(recordedLaunchProblem(sessionStorage)).toEqual(sessionEnded(LAUNCHED));
    sessionStorage.setItem('fhirokta.launch-problem', '{"title": 1}');
    expect(recordedLaunchProblem(sessionStorage)).toBeUndefined();
    sessionStorage.removeItem('fhirokta.launch-problem');
  });
});
