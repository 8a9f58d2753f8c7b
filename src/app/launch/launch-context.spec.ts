import { isLaunchContext, readLaunchContext } from './launch-context';

const TOKEN = { access_token: 'x', token_type: 'Bearer', expires_in: 300, scope: 'launch' };

describe('the launch context that arrives with the token', () => {
  it('reads every field the EHR sends', () => {
    expect(
      readLaunchContext({
        ...TOKEN,
        patient: 'pat-0001',
        encounter: 'enc-7',
        need_patient_banner: false,
        smart_style_url: 'https://ehr.example/style.json',
        fhirContext: [
          { reference: 'DiagnosticReport/dr-1', role: 'launch' },
          { canonical: 'http://example.org/Questionnaire/q|1', type: 'Questionnaire' },
        ],
        intent: 'reconcile-medications',
        tenant: 'clinic-2',
      }),
    ).toEqual({
      patient: 'pat-0001',
      patientFrom: 'response',
      encounter: 'enc-7',
      needPatientBanner: false,
      smartStyleUrl: 'https://ehr.example/style.json',
      fhirContext: [
        { reference: 'DiagnosticReport/dr-1', role: 'launch' },
        { canonical: 'http://example.org/Questionnaire/q|1', type: 'Questionnaire' },
      ],
      intent: 'reconcile-medications',
      tenant: 'clinic-2',
      ignored: [],
    });
  });

  it('shows the banner and has no patient when the EHR says nothing', () => {
    expect(readLaunchContext(TOKEN)).toEqual({
      needPatientBanner: true,
      fhirContext: [],
      ignored: [],
    });
  });

  it('falls back to the access token’s launch_response_patient claim, then its patient claim', () => {
    expect(
      readLaunchContext(TOKEN, { launch_response_patient: 'pat-2', patient: 'pat-3' }),
    ).toEqual(jasmine.objectContaining({ patient: 'pat-2', patientFrom: 'access-token' }));
    expect(readLaunchContext(TOKEN, { patient: 'pat-3' })).toEqual(
      jasmine.objectContaining({ patient: 'pat-3', patientFrom: 'access-token' }),
    );
  });

  it('falls back to the access token’s launch_response_* claims for every field, as Okta’s token hook sets them', () => {
    expect(
      readLaunchContext(TOKEN, {
        launch_response_patient: 'pat-2',
        launch_response_encounter: 'enc-3',
        launch_response_need_patient_banner: false,
        launch_response_smart_style_url: 'https://ehr.example/style.json',
        launch_response_intent: 'review',
      }),
    ).toEqual({
      patient: 'pat-2',
      patientFrom: 'access-token',
      encounter: 'enc-3',
      needPatientBanner: false,
      smartStyleUrl: 'https://ehr.example/style.json',
      fhirContext: [],
      intent: 'review',
      ignored: [],
    });
  });

  it('checks a claim’s value as it checks the response’s', () => {
    const context = readLaunchContext(TOKEN, { launch_response_encounter: '../x' });
    expect(context.encounter).toBeUndefined();
    expect(context.ignored).toEqual(['encounter (not a FHIR id)']);
  });

  it('prefers the response’s patient over the claim', () => {
    expect(readLaunchContext({ ...TOKEN, patient: 'pat-1' }, { patient: 'pat-9' }).patient).toBe(
      'pat-1',
    );
  });

  it('leaves out a patient or encounter that is not a FHIR id, and says so', () => {
    const context = readLaunchContext({
      ...TOKEN,
      patient: '../Patient/x',
      encounter: 'Encounter/enc-1',
    });
    expect(context.patient).toBeUndefined();
    expect(context.encounter).toBeUndefined();
    expect(context.ignored).toEqual(['patient (not a FHIR id)', 'encounter (not a FHIR id)']);
    expect(readLaunchContext({ ...TOKEN, patient: 42 }).ignored).toEqual([
      'patient (not a FHIR id)',
    ]);
    expect(readLaunchContext({ ...TOKEN, patient: 'a'.repeat(65) }).patient).toBeUndefined();
  });

  it('does not fall back to a claim when the response’s patient was bad', () => {
    const context = readLaunchContext({ ...TOKEN, patient: 'a b' }, { patient: 'pat-1' });
    expect(context.patient).toBeUndefined();
  });

  it('leaves out a bad patient claim, and says so', () => {
    const context = readLaunchContext(TOKEN, { launch_response_patient: ['pat-1'] });
    expect(context.patient).toBeUndefined();
    expect(context.ignored).toEqual(['the access token’s patient claim (not a FHIR id)']);
  });

  it('shows the banner unless need_patient_banner is exactly false', () => {
    for (const value of ['false', 0, null, 'no']) {
      const context = readLaunchContext({ ...TOKEN, need_patient_banner: value });
      expect(context.needPatientBanner).withContext(String(value)).toBeTrue();
      expect(context.ignored).toEqual(['need_patient_banner (not true or false)']);
    }
    expect(readLaunchContext({ ...TOKEN, need_patient_banner: true }).needPatientBanner).toBeTrue();
  });

  it('leaves out a style URL that is not http(s)', () => {
    for (const value of ['javascript:alert(1)', 'data:text/css,x', '/style.json', 5]) {
      const context = readLaunchContext({ ...TOKEN, smart_style_url: value });
      expect(context.smartStyleUrl).withContext(String(value)).toBeUndefined();
      expect(context.ignored).toEqual(['smart_style_url (not an http(s) URL)']);
    }
  });

  it('keeps only fhirContext items that are a relative reference or a canonical', () => {
    const context = readLaunchContext({
      ...TOKEN,
      fhirContext: [
        { reference: 'Observation/obs-1' },
        { reference: 'https://evil.test/Observation/1' },
        { reference: 'Observation/../../x' },
        { identifier: { value: '1' } },
        'Observation/obs-2',
        { reference: 'Observation/obs-3', type: 'not a type', role: 7 },
      ],
    });
    expect(context.fhirContext).toEqual([
      { reference: 'Observation/obs-1' },
      { reference: 'Observation/obs-3' },
    ]);
    expect(context.ignored).toEqual(['fhirContext (items that are not a reference or canonical)']);
    expect(readLaunchContext({ ...TOKEN, fhirContext: 'Observation/1' }).fhirContext).toEqual([]);
  });

  it('leaves out an intent or tenant that is not a short text', () => {
    const context = readLaunchContext({ ...TOKEN, intent: 'x'.repeat(300), tenant: {} });
    expect(context.intent).toBeUndefined();
    expect(context.tenant).toBeUndefined();
    expect(context.ignored).toEqual(['intent (not a short text)', 'tenant (not a short text)']);
  });
});

describe('a stored launch context is checked before use', () => {
  it('accepts what readLaunchContext wrote', () => {
    expect(isLaunchContext(readLaunchContext({ ...TOKEN, patient: 'p-1' }))).toBeTrue();
  });

  it('refuses anything else', () => {
    expect(isLaunchContext(null)).toBeFalse();
    expect(isLaunchContext({ needPatientBanner: true, fhirContext: [] })).toBeFalse();
    expect(
      isLaunchContext({ needPatientBanner: true, fhirContext: [], ignored: [], patient: '../x' }),
    ).toBeFalse();
  });
});
