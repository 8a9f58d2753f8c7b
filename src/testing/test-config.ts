import { RuntimeConfig } from '../app/config/runtime-config';

export const TEST_FHIR_BASE = 'https://fhir.example.com/fhir';

export const TEST_CONFIG: RuntimeConfig = {
  okta: {
    issuer: 'https://example.okta.com/oauth2/default',
    clientId: '0oatestclient',
    scopes: ['openid', 'profile', 'user/*.read'],
  },
  loginMode: 'redirect',
  fhir: { baseUrl: TEST_FHIR_BASE },
  session: { idleMinutes: 15, warningSeconds: 60 },
  ehrs: [],
};
