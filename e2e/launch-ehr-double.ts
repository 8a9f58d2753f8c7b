// A small EHR that is not ours, for the launch journeys the local stack cannot produce on demand: an
// authorization server that refuses in each of the ways SMART allows, a token endpoint that refuses, a FHIR
// server that answers 401, discovery that fails, and a page that frames the app from another site. It does
// no OpenID Connect (no ID token), issues opaque tokens, and names its patient only in the token response.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type DoubleMode =
  | 'ok'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'access_denied'
  | 'token-error'
  | 'fhir-401'
  | 'no-discovery';

export const DOUBLE_PATIENT = { id: 'pat-d1', name: 'Dana Double' };

export interface EhrDouble {
  /** Its FHIR base, on 127.0.0.1: another site than the app's localhost. */
  readonly iss: string;
  mode: DoubleMode;
  /** Every request it received: method, path, and whether it carried a token. */
  readonly requests: { method: string; path: string; authorization?: string }[];
  /** A page of the EHR that frames the app's launch URL. */
  framePage(launchUrl: string): string;
  close(): Promise<void>;
}

const ERRORS: Partial<Record<DoubleMode, string>> = {
  invalid_scope: 'The requested scope is not allowed for this app.',
  unauthorized_client: 'This app is not registered here.',
  access_denied: 'The user declined.',
};

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type }).end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

export async function startEhrDouble(): Promise<EhrDouble> {
  const requests: EhrDouble['requests'] = [];
  const state = { mode: 'ok' as DoubleMode, origin: '' };

  const fhir = (path: string, res: ServerResponse) => {
    if (state.mode === 'fhir-401') {
      return json(
        res,
        401,
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'login', diagnostics: 'The token has expired.' }],
        },
        'application/fhir+json',
      );
    }
    if (path === `/fhir/Patient/${DOUBLE_PATIENT.id}`) {
      return json(
        res,
        200,
        {
          resourceType: 'Patient',
          id: DOUBLE_PATIENT.id,
          name: [{ given: ['Dana'], family: 'Double' }],
          birthDate: '1970-05-05',
        },
        'application/fhir+json',
      );
    }
    if (/^\/fhir\/[A-Z][A-Za-z]+$/.test(path)) {
      return json(
        res,
        200,
        { resourceType: 'Bundle', type: 'searchset', total: 0 },
        'application/fhir+json',
      );
    }
    return json(res, 404, { resourceType: 'OperationOutcome', issue: [] }, 'application/fhir+json');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', state.origin);
    const authorization = req.headers['authorization'];
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      ...(authorization ? { authorization } : {}),
    });
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Accept, Content-Type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();

    if (url.pathname === '/fhir/.well-known/smart-configuration') {
      if (state.mode === 'no-discovery') return json(res, 404, {});
      return json(res, 200, {
        authorization_endpoint: `${state.origin}/auth/authorize`,
        token_endpoint: `${state.origin}/auth/token`,
        code_challenge_methods_supported: ['S256'],
        capabilities: ['launch-ehr', 'launch-standalone', 'permission-v2'],
      });
    }
    if (url.pathname === '/fhir/metadata') return json(res, 404, {});
    if (url.pathname === '/auth/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      const error = ERRORS[state.mode];
      if (error) {
        back.searchParams.set('error', state.mode);
        back.searchParams.set('error_description', error);
      } else back.searchParams.set('code', 'code-1');
      return void res.writeHead(302, { Location: back.href }).end();
    }
    if (url.pathname === '/auth/token' && req.method === 'POST') {
      void body(req).then((form) => {
        if (state.mode === 'token-error') {
          return json(res, 400, {
            error: 'invalid_grant',
            error_description: 'The code was already used.',
          });
        }
        json(res, 200, {
          access_token: `opaque-${form.get('code') ?? ''}`,
          token_type: 'Bearer',
          expires_in: 600,
          scope: 'launch patient/*.rs',
          patient: DOUBLE_PATIENT.id,
        });
      });
      return;
    }
    if (url.pathname === '/ehr-frame') {
      const src = url.searchParams.get('launch') ?? '';
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return void res.end(
        `<!doctype html><html lang="en"><title>Test EHR</title><h1>Test EHR</h1><iframe title="fhirokta" src="${src.replace(/"/g, '&quot;')}" width="1000" height="700"></iframe></html>`,
      );
    }
    if (url.pathname.startsWith('/fhir/')) return fhir(url.pathname, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    iss: `${state.origin}/fhir`,
    get mode() {
      return state.mode;
    },
    set mode(mode: DoubleMode) {
      state.mode = mode;
    },
    requests,
    framePage: (launchUrl) => `${state.origin}/ehr-frame?launch=${encodeURIComponent(launchUrl)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
