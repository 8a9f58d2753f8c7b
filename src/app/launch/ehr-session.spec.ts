import { readLaunchContext } from './launch-context';
import {
  EHR_STORAGE_KEYS,
  EhrSession,
  endEhrSession,
  loadEhrSession,
  resumeEhrSession,
  saveEhrSession,
  saveLaunchContext,
} from './ehr-session';

const EHR = { name: 'Example EHR', iss: 'https://ehr.example/fhir', clientId: 'ehr-app' };
const PENDING: EhrSession = {
  ehr: EHR,
  endpoints: {
    authorizationEndpoint: 'https://ehr.example/authorize',
    tokenEndpoint: 'https://ehr.example/token',
    capabilities: [],
    source: 'smart-configuration',
  },
  scopes: ['launch'],
  state: 'state-1',
  launch: 'launch-1',
};
const CONTEXT = readLaunchContext({ patient: 'pat-1' });
const CALLBACK = '/login/callback';

describe('which session a page load belongs to', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  const resume = (pathname: string, search = '') =>
    resumeEhrSession(sessionStorage, [EHR], { pathname, search }, CALLBACK);

  it('the EHR session, at the callback that carries its state', () => {
    saveEhrSession(sessionStorage, PENDING);
    expect(resume(CALLBACK, '?code=c&state=state-1')).toEqual(PENDING);
  });

  it('the EHR session, anywhere once its token response has come', () => {
    saveEhrSession(sessionStorage, { ...PENDING, context: CONTEXT });
    expect(resume('/patients/pat-1')?.context).toEqual(CONTEXT);
  });

  it('the Okta session at another callback: an Okta sign-in ends the EHR session and its tokens', () => {
    saveEhrSession(sessionStorage, { ...PENDING, context: CONTEXT });
    sessionStorage.setItem(EHR_STORAGE_KEYS.token, '{"accessToken":{}}');
    expect(resume(CALLBACK, '?code=c&state=okta-state')).toBeUndefined();
    expect(loadEhrSession(sessionStorage, [EHR])).toBeUndefined();
    expect(sessionStorage.getItem(EHR_STORAGE_KEYS.token)).toBeNull();
  });

  it('the Okta session when a launch was abandoned before its callback', () => {
    saveEhrSession(sessionStorage, PENDING);
    expect(resume('/patients')).toBeUndefined();
    expect(loadEhrSession(sessionStorage, [EHR])).toBeUndefined();
  });

  it('the Okta session when there is none, or it is not one the app wrote', () => {
    expect(resume('/patients')).toBeUndefined();
    sessionStorage.setItem('fhirokta.ehr-session', '{not json');
    expect(resume('/patients')).toBeUndefined();
    sessionStorage.setItem('fhirokta.ehr-session', JSON.stringify({ ...PENDING, state: 7 }));
    expect(resume(CALLBACK, '?state=7')).toBeUndefined();
  });

  it('the Okta session when config.json no longer lists that EHR as it was', () => {
    saveEhrSession(sessionStorage, { ...PENDING, context: CONTEXT });
    const changed = { ...EHR, clientId: 'another-app' };
    expect(
      resumeEhrSession(sessionStorage, [changed], { pathname: '/', search: '' }, CALLBACK),
    ).toBeUndefined();
  });

  it('refuses stored endpoints that are not http(s), or a tampered context', () => {
    const endpoints = { ...PENDING.endpoints, tokenEndpoint: 'javascript:alert(1)' };
    saveEhrSession(sessionStorage, { ...PENDING, endpoints, context: CONTEXT });
    expect(resume('/')).toBeUndefined();
    saveEhrSession(sessionStorage, {
      ...PENDING,
      context: { ...CONTEXT, patient: '../../x' },
    });
    expect(resume('/')).toBeUndefined();
  });
});

describe('the EHR session record', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('gains the launch context of its token response', () => {
    saveEhrSession(sessionStorage, PENDING);
    saveLaunchContext(sessionStorage, CONTEXT);
    expect(loadEhrSession(sessionStorage, [EHR])?.context).toEqual(CONTEXT);
  });

  it('is forgotten with every token and transaction of it, and nothing of Okta’s', () => {
    saveEhrSession(sessionStorage, PENDING);
    for (const key of Object.values(EHR_STORAGE_KEYS)) sessionStorage.setItem(key, '{}');
    sessionStorage.setItem('okta-token-storage', '{}');
    endEhrSession(sessionStorage);
    expect(Object.keys(sessionStorage)).toEqual(['okta-token-storage']);
  });
});
