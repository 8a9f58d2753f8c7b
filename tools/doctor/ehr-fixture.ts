// A stand-in EHR for the doctor's tests: a FHIR base with SMART discovery, a CapabilityStatement and an
// authorization server's token endpoint, each answering CORS as a test needs, on a free local port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EhrBehaviour {
  /** The SMART configuration; `undefined` answers 404. Built from the server's own URL. */
  smart?: (base: string) => Record<string, unknown> | undefined;
  /** The body of [base]/metadata; by default an R4 CapabilityStatement without oauth-uris. */
  statement?: (base: string) => unknown;
  /** Origins allowed by CORS on discovery, metadata, the token endpoint and FHIR calls. */
  corsOrigin?: { discovery?: string; metadata?: string; token?: string; fhir?: string };
  /** Access-Control-Allow-Headers on FHIR preflights. */
  fhirHeaders?: string;
}

export interface EhrFixture {
  /** The FHIR base, the `iss` of a launch. */
  iss: string;
  /** Where its authorization server lives. */
  auth: string;
  behave(behaviour: EhrBehaviour): void;
  close(): Promise<void>;
}

export const FIXTURE_APP_ORIGIN = 'http://localhost:4299';

/** What a SMART App Launch 2.x EHR that does everything the app needs advertises. */
export const FULL_SMART = (base: string): Record<string, unknown> => ({
  issuer: `${base}/auth`,
  jwks_uri: `${base}/auth/keys`,
  authorization_endpoint: `${base}/auth/authorize`,
  token_endpoint: `${base}/auth/token`,
  code_challenge_methods_supported: ['S256'],
  capabilities: [
    'launch-ehr',
    'launch-standalone',
    'client-public',
    'context-ehr-patient',
    'context-ehr-encounter',
    'context-standalone-patient',
    'context-banner',
    'permission-v1',
    'permission-v2',
  ],
  scopes_supported: [
    'launch',
    'launch/patient',
    'openid',
    'fhirUser',
    'user/*.rs',
    'patient/*.rs',
    'user/*.read',
    'patient/*.read',
  ],
});

export const R4_STATEMENT = (): unknown => ({
  resourceType: 'CapabilityStatement',
  fhirVersion: '4.0.1',
  rest: [{ mode: 'server' }],
});

const DEFAULTS: Required<Omit<EhrBehaviour, 'smart'>> & Pick<EhrBehaviour, 'smart'> = {
  smart: FULL_SMART,
  statement: R4_STATEMENT,
  corsOrigin: {
    discovery: FIXTURE_APP_ORIGIN,
    metadata: FIXTURE_APP_ORIGIN,
    token: FIXTURE_APP_ORIGIN,
    fhir: FIXTURE_APP_ORIGIN,
  },
  fhirHeaders: 'authorization, content-type',
};

export async function startEhrFixture(): Promise<EhrFixture> {
  let behaviour = { ...DEFAULTS };
  let base = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const cors = behaviour.corsOrigin;
    const allow = (origin: string | undefined) =>
      origin && res.setHeader('Access-Control-Allow-Origin', origin);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') {
      if (path === '/auth/token') {
        allow(cors.token);
        res.setHeader('Access-Control-Allow-Headers', 'content-type');
      } else if (path.startsWith('/fhir/')) {
        allow(cors.fhir);
        res.setHeader('Access-Control-Allow-Headers', behaviour.fhirHeaders);
      }
      return void res.writeHead(204).end();
    }
    if (path === '/fhir/.well-known/smart-configuration') {
      allow(cors.discovery);
      const document = behaviour.smart?.(base);
      return document ? json(200, document) : json(404, { error: 'not found' });
    }
    if (path === '/fhir/metadata') {
      allow(cors.metadata);
      return json(200, behaviour.statement(base));
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    iss: `${base}/fhir`,
    auth: `${base}/auth`,
    behave: (changes) => {
      behaviour = {
        ...DEFAULTS,
        ...changes,
        corsOrigin: { ...DEFAULTS.corsOrigin, ...changes.corsOrigin },
      };
    },
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
