// An EHR session as app.config.ts would resume it, for specs of what changes in one.
import { EhrSession } from '../app/launch/ehr-session';
import { LaunchContext, readLaunchContext } from '../app/launch/launch-context';

export const TEST_EHR = {
  name: 'Example EHR',
  iss: 'https://ehr.example/fhir',
  clientId: 'ehr-app',
} as const;

export function testEhrSession(
  context: Record<string, unknown> | undefined = { patient: 'pat-0001' },
  launched = true,
): EhrSession {
  const launchContext: LaunchContext | undefined = context && readLaunchContext(context);
  return {
    ehr: TEST_EHR,
    endpoints: {
      authorizationEndpoint: 'https://auth.ehr.example/authorize',
      tokenEndpoint: 'https://auth.ehr.example/token',
      revocationEndpoint: 'https://auth.ehr.example/revoke',
      issuer: 'https://auth.ehr.example',
      capabilities: ['launch-ehr', 'permission-v2'],
      source: 'smart-configuration',
    },
    scopes: ['launch', 'openid', 'fhirUser', 'patient/*.rs'],
    state: 'state-1',
    ...(launched ? { launch: 'launch-1' } : {}),
    ...(launchContext ? { context: launchContext } : {}),
  };
}
