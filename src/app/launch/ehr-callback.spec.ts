import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, Router, convertToParamMap, provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { PAGE_LOCATION } from '../session/page-location';
import { testEhrSession } from '../../testing/ehr-session';
import { EhrCallback } from './ehr-callback';
import { saveEhrSession } from './ehr-session';
import { recordedLaunchProblem } from './launch-problems';
import { SmartStyle } from './smart-style';

describe('EhrCallback (the EHR sends the user back)', () => {
  let parseFromUrl: jasmine.Spy;
  let setTokens: jasmine.Spy;
  let location: { replace: jasmine.Spy; assign: jasmine.Spy; reload: jasmine.Spy };
  let navigate: jasmine.Spy;
  let applyStyle: jasmine.Spy;

  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  async function arrive(
    query: Record<string, string>,
    context?: Record<string, unknown>,
    failure?: Error,
  ) {
    const session = testEhrSession(undefined);
    saveEhrSession(sessionStorage, session);
    parseFromUrl = jasmine.createSpy('parseFromUrl').and.callFake(async () => {
      if (failure) throw failure;
      // The token response arrives through the session's client, which keeps its context.
      if (context) saveEhrSession(sessionStorage, testEhrSession(context));
      return { tokens: { accessToken: { accessToken: 'a' } } };
    });
    setTokens = jasmine.createSpy('setTokens');
    location = {
      replace: jasmine.createSpy('replace'),
      assign: jasmine.createSpy('assign'),
      reload: jasmine.createSpy('reload'),
    };
    applyStyle = jasmine.createSpy('apply');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: OKTA_AUTH,
          useValue: { token: { parseFromUrl }, tokenManager: { setTokens } },
        },
        { provide: EHR_SESSION, useValue: session },
        { provide: PAGE_LOCATION, useValue: location },
        { provide: SmartStyle, useValue: { apply: applyStyle } },
        {
          provide: ActivatedRoute,
          useValue: { snapshot: { queryParamMap: convertToParamMap(query) } },
        },
      ],
    });
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    const fixture = TestBed.createComponent(EhrCallback);
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }

  it('opens the launch patient’s chart, themed, once the code is exchanged', async () => {
    await arrive({ code: 'c', state: 'state-1' }, { patient: 'pat-7', encounter: 'enc-1' });
    expect(setTokens).toHaveBeenCalledOnceWith({ accessToken: { accessToken: 'a' } });
    expect(applyStyle).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledOnceWith(['/patients', 'pat-7'], { replaceUrl: true });
    expect(location.replace).not.toHaveBeenCalled();
  });

  it('an error on the redirect ends in words, without exchanging anything or trying again', async () => {
    await arrive({
      error: 'invalid_scope',
      error_description: 'scope   user/*.rs\nnot allowed',
      state: 'state-1',
    });
    expect(parseFromUrl).not.toHaveBeenCalled();
    expect(location.replace).toHaveBeenCalledOnceWith('/launch/error');
    expect(recordedLaunchProblem(sessionStorage)).toEqual({
      title: 'Example EHR refused what fhirokta asked for',
      detail:
        'It refused the scopes launch openid fhirUser patient/*.rs. The EHR said: “scope user/*.rs not allowed”.',
      advice:
        'An administrator must allow these scopes for fhirokta at the EHR, or list the ones it allows in config.json ("scopes" of this EHR).',
    });
    expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('a refusal at the token endpoint ends in words, and the EHR session with it', async () => {
    const refusal = Object.assign(new Error('x'), {
      errorCode: 'invalid_grant',
      errorSummary: 'The authorization code has expired.',
    });
    await arrive({ code: 'c', state: 'state-1' }, undefined, refusal);
    expect(parseFromUrl).toHaveBeenCalledTimes(1);
    expect(location.replace).toHaveBeenCalledOnceWith('/launch/error');
    expect(recordedLaunchProblem(sessionStorage)?.detail).toBe(
      'Its token service answered invalid_grant. The EHR said: “The authorization code has expired.”.',
    );
    expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});
