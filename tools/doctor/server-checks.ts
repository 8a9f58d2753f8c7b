// Checks that need no token: can the browser reach the issuer and the FHIR server from the app's origin?
import type { Deployment } from './deployment.ts';
import { allowsOrigin, describeNetworkError, parseJson, preflight, request } from './http.ts';
import { fail, pass, warn, type CheckResult } from './report.ts';

export interface Discovery {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
  dpop_signing_alg_values_supported?: string[];
}

/** okta-auth-js signs its DPoP proofs with an RSA key, RS256. */
const DPOP_PROOF_ALG = 'RS256';

export interface ServerFindings {
  results: CheckResult[];
  /** The issuer's discovery document, when it could be read: the token checks need its JWKS. */
  discovery?: Discovery;
}

export async function checkServers(deployment: Deployment): Promise<ServerFindings> {
  const results: CheckResult[] = [checkIssuerShape(deployment.issuer)];
  const discovery = await checkDiscovery(deployment, results);
  if (discovery) {
    results.push(await checkJwks(discovery));
    if (deployment.dpop) results.push(checkDpopSupport(discovery));
    results.push(await checkTokenCors(deployment, discovery));
  }
  results.push(...(await checkFhir(deployment)));
  return { results, discovery };
}

function checkIssuerShape(issuer: string): CheckResult {
  const name = 'issuer is a custom authorization server';
  const path = new URL(issuer).pathname;
  if (/^\/oauth2\/[^/]+$/.test(path)) return pass(name, path);
  if (path === '' || path === '/') {
    return fail(
      name,
      `${issuer} is the Okta org authorization server, whose access tokens only Okta itself can validate`,
      'Use a custom authorization server (Security → API → Authorization Servers), e.g. https://<org>.okta.com/oauth2/default.',
    );
  }
  return warn(
    name,
    `${path} is not Okta's /oauth2/<id> layout`,
    'If this is Okta, set okta.issuer to https://<org>.okta.com/oauth2/<authorization server id>.',
  );
}

async function checkDiscovery(
  deployment: Deployment,
  results: CheckResult[],
): Promise<Discovery | undefined> {
  const name = 'issuer discovery document';
  const url = `${deployment.issuer}/.well-known/openid-configuration`;
  try {
    const answer = await request(url);
    const document = parseJson(answer.body) as Partial<Discovery> | undefined;
    if (
      answer.status !== 200 ||
      !document?.jwks_uri ||
      !document.token_endpoint ||
      !document.issuer
    ) {
      results.push(
        fail(
          name,
          `${url} answered ${answer.status} without a discovery document`,
          "Check okta.issuer: it must be the issuer URL shown on the authorization server's Settings tab.",
        ),
      );
      return undefined;
    }
    if (document.issuer !== deployment.issuer) {
      results.push(
        fail(
          name,
          `the document names issuer ${document.issuer}`,
          `Set okta.issuer to exactly "${document.issuer}".`,
        ),
      );
      return undefined;
    }
    results.push(pass(name, url));
    return document as Discovery;
  } catch (error) {
    results.push(
      fail(
        name,
        `${url}: ${describeNetworkError(error)}`,
        'Check okta.issuer and that the authorization server is reachable.',
      ),
    );
    return undefined;
  }
}

async function checkJwks(discovery: Discovery): Promise<CheckResult> {
  const name = 'issuer signing keys (JWKS)';
  try {
    const answer = await request(discovery.jwks_uri);
    const keys = (parseJson(answer.body) as { keys?: unknown[] } | undefined)?.keys;
    if (answer.status === 200 && Array.isArray(keys) && keys.length > 0) {
      return pass(name, `${keys.length} key(s) at ${discovery.jwks_uri}`);
    }
    return fail(
      name,
      `${discovery.jwks_uri} answered ${answer.status} with no keys`,
      "The FHIR server cannot verify tokens without the issuer's keys: check the authorization server.",
    );
  } catch (error) {
    return fail(
      name,
      `${discovery.jwks_uri}: ${describeNetworkError(error)}`,
      'Make the JWKS reachable from wherever the FHIR server runs.',
    );
  }
}

function checkDpopSupport(discovery: Discovery): CheckResult {
  const name = 'issuer accepts DPoP proofs (okta.dpop is on)';
  const algorithms = discovery.dpop_signing_alg_values_supported;
  if (algorithms?.includes(DPOP_PROOF_ALG)) return pass(name, `${DPOP_PROOF_ALG} proofs`);
  const fix =
    'Set okta.dpop to false, or use an authorization server with DPoP and turn on "Require Demonstrating ' +
    'Proof of Possession (DPoP) header in token requests" in the Okta app integration.';
  if (algorithms === undefined) {
    return warn(name, 'the discovery document does not list DPoP signing algorithms', fix);
  }
  return fail(
    name,
    `it accepts ${algorithms.join(', ') || 'no'} proofs, not ${DPOP_PROOF_ALG}`,
    fix,
  );
}

async function checkTokenCors(deployment: Deployment, discovery: Discovery): Promise<CheckResult> {
  const name = 'CORS from the app to the token endpoint (trusted origin)';
  try {
    const answer = await preflight(discovery.token_endpoint, deployment.appOrigin, 'POST', [
      'content-type',
      'x-okta-user-agent-extended',
      ...(deployment.dpop ? ['dpop'] : []),
    ]);
    if (allowsOrigin(answer, deployment.appOrigin))
      return pass(name, `${deployment.appOrigin} is allowed`);
    return fail(
      name,
      `a preflight from ${deployment.appOrigin} is refused (${answer.status})`,
      `In Okta, Security → API → Trusted Origins: add ${deployment.appOrigin} with CORS and Redirect.`,
    );
  } catch (error) {
    return fail(name, describeNetworkError(error), 'Check that the token endpoint is reachable.');
  }
}

async function checkFhir(deployment: Deployment): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const metadataUrl = `${deployment.fhirBase}/metadata`;
  try {
    const answer = await request(metadataUrl, { headers: { Accept: 'application/fhir+json' } });
    const statement = parseJson(answer.body) as
      { resourceType?: string; fhirVersion?: string } | undefined;
    if (answer.status === 200 && statement?.resourceType === 'CapabilityStatement') {
      const version = statement.fhirVersion ?? 'unknown';
      results.push(
        version.startsWith('4.')
          ? pass('FHIR server capability statement', `FHIR ${version} at ${metadataUrl}`)
          : warn(
              'FHIR server capability statement',
              `FHIR ${version}`,
              'This app reads FHIR R4 (4.0.x); point fhir.baseUrl at an R4 endpoint.',
            ),
      );
    } else {
      results.push(
        fail(
          'FHIR server capability statement',
          `${metadataUrl} answered ${answer.status}`,
          'Check fhir.baseUrl: GET <base>/metadata must return a CapabilityStatement.',
        ),
      );
    }
  } catch (error) {
    results.push(
      fail(
        'FHIR server capability statement',
        `${metadataUrl}: ${describeNetworkError(error)}`,
        'Check fhir.baseUrl and that the FHIR server is running.',
      ),
    );
    return results;
  }
  results.push(await checkSmartConfiguration(deployment));
  results.push(await checkFhirCors(deployment));
  return results;
}

async function checkSmartConfiguration(deployment: Deployment): Promise<CheckResult> {
  const name = 'FHIR server SMART configuration names the same issuer';
  const url = `${deployment.fhirBase}/.well-known/smart-configuration`;
  try {
    const answer = await request(url);
    const document = parseJson(answer.body) as { issuer?: string } | undefined;
    if (answer.status !== 200 || !document) {
      return warn(
        name,
        `no SMART configuration at ${url} (${answer.status})`,
        'Optional; make sure the FHIR server is set up to trust okta.issuer.',
      );
    }
    if (document.issuer === undefined)
      return warn(
        name,
        'the SMART configuration names no issuer',
        'Make sure the FHIR server trusts okta.issuer.',
      );
    if (document.issuer.replace(/\/+$/, '') === deployment.issuer)
      return pass(name, document.issuer);
    return fail(
      name,
      `the FHIR server trusts ${document.issuer}, the app signs in at ${deployment.issuer}`,
      'Register okta.issuer with the FHIR server (its OAuth settings), or set okta.issuer to the one it trusts.',
    );
  } catch (error) {
    return warn(
      name,
      `${url}: ${describeNetworkError(error)}`,
      'Optional; make sure the FHIR server trusts okta.issuer.',
    );
  }
}

async function checkFhirCors(deployment: Deployment): Promise<CheckResult> {
  const name = 'CORS from the app to the FHIR server';
  try {
    const requested = [
      'authorization',
      ...(deployment.dpop ? ['dpop'] : []),
      ...(deployment.apiKey ? ['x-api-key'] : []),
    ];
    const answer = await preflight(
      `${deployment.fhirBase}/Patient`,
      deployment.appOrigin,
      'GET',
      requested,
    );
    const allowedHeaders = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    if (
      allowsOrigin(answer, deployment.appOrigin) &&
      (requested.every((header) => allowedHeaders.includes(header)) || allowedHeaders === '*')
    ) {
      return pass(name, `${deployment.appOrigin} may send ${requested.join(', ')}`);
    }
    const dpopHint = deployment.dpop
      ? ' If the FHIR server does not support DPoP, set okta.dpop to false.'
      : '';
    return fail(
      name,
      `a preflight from ${deployment.appOrigin} is refused (${answer.status}${allowedHeaders ? `; it allows ${allowedHeaders}` : ''})`,
      `Allow CORS on the FHIR server for ${deployment.appOrigin}, with the ${requested.join(', ')} header(s).${dpopHint}`,
    );
  } catch (error) {
    return fail(name, describeNetworkError(error), 'Check that the FHIR server is reachable.');
  }
}
