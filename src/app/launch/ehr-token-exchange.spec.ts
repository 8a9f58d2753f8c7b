import { TestBed } from '@angular/core/testing';
import { convertToParamMap } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { SessionEndNotices } from '../session/session-end';
import { testEhrSession } from '../../testing/ehr-session';
import { EhrTokenExchange } from './ehr-token-exchange';

/** How an earlier session in this tab ended, as the sign-in page told the user. */
const EARLIER = { reason: 'signed-out-of-ehr', returnPath: '/patients' } as const;

describe('EhrTokenExchange (the EHR’s answer on the callback URL)', () => {
  let parseFromUrl: jasmine.Spy;
  let setTokens: jasmine.Spy;

  afterEach(() => sessionStorage.removeItem('fhirokta.session-end'));

  function exchange(query: Record<string, string>) {
    setTokens = jasmine.createSpy('setTokens');
    TestBed.configureTestingModule({
      providers: [
        { provide: OKTA_AUTH, useValue: { token: { parseFromUrl }, tokenManager: { setTokens } } },
        { provide: EHR_SESSION, useValue: testEhrSession() },
      ],
    });
    return TestBed.inject(EhrTokenExchange).exchange(convertToParamMap(query));
  }

  beforeEach(() => {
    sessionStorage.setItem('fhirokta.session-end', JSON.stringify(EARLIER));
    parseFromUrl = jasmine
      .createSpy('parseFromUrl')
      .and.resolveTo({ tokens: { accessToken: { accessToken: 'a' } } });
  });

  it('keeps the tokens the code is exchanged for; the notice of an earlier session’s end has done its work', async () => {
    expect(await exchange({ code: 'c', state: 'state-1' })).toBeUndefined();
    expect(setTokens).toHaveBeenCalledOnceWith({ accessToken: { accessToken: 'a' } });
    expect(TestBed.inject(SessionEndNotices).current()).toBeUndefined();
  });

  it('an error on the redirect comes back in words, and nothing is exchanged', async () => {
    const problem = await exchange({ error: 'access_denied', state: 'state-1' });
    expect(problem?.title).toBe('Access was not granted');
    expect(parseFromUrl).not.toHaveBeenCalled();
    expect(setTokens).not.toHaveBeenCalled();
    expect(TestBed.inject(SessionEndNotices).current()).toEqual(EARLIER);
  });

  it('a refusal at the token endpoint comes back in words, and no tokens are kept', async () => {
    parseFromUrl.and.rejectWith(Object.assign(new Error('x'), { errorCode: 'invalid_grant' }));
    const problem = await exchange({ code: 'c', state: 'state-1' });
    expect(problem?.title).toBe('fhirokta could not finish signing you in with Example EHR');
    expect(problem?.detail).toBe('Its token service answered invalid_grant.');
    expect(setTokens).not.toHaveBeenCalled();
  });
});
