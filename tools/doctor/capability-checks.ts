// What the FHIR server says it can do, against what the app sends (src/app/fhir/search-contract.ts), and,
// with a token, how it actually pages: totals, link shapes. Each finding says what the app will do about it.
import { SEARCH_CONTRACT } from '../../src/app/fhir/search-contract.ts';
import type { Deployment } from './deployment.ts';
import { describeNetworkError, parseJson, request } from './http.ts';
import { pass, warn, type CheckResult } from './report.ts';

interface CapabilityResource {
  type?: string;
  interaction?: { code?: string }[];
  searchParam?: { name?: string; documentation?: string }[];
}
interface CapabilityStatement {
  rest?: { mode?: string; resource?: CapabilityResource[] }[];
}
interface SearchBundle {
  resourceType?: string;
  total?: number;
  link?: { relation?: string; url?: string }[];
}

const fhirHeaders = (deployment: Deployment, token?: string): Record<string, string> => ({
  Accept: 'application/fhir+json',
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
  ...(deployment.apiKey ? { 'x-api-key': deployment.apiKey } : {}),
});

/** The server's stated support for each search the app makes. */
export async function checkCapabilities(deployment: Deployment): Promise<CheckResult[]> {
  let statement: CapabilityStatement | undefined;
  try {
    const answer = await request(`${deployment.fhirBase}/metadata`, {
      headers: fhirHeaders(deployment),
    });
    statement = parseJson(answer.body) as CapabilityStatement | undefined;
  } catch (error) {
    return [
      warn(
        'search support stated by the server',
        describeNetworkError(error),
        'Fix the capability statement check above first.',
      ),
    ];
  }
  const resources = (statement?.rest ?? [])
    .filter((rest) => rest.mode === undefined || rest.mode === 'server')
    .flatMap((rest) => rest.resource ?? []);
  return Object.entries(SEARCH_CONTRACT).map(([type, contract]) => {
    const name = `search support for ${type}`;
    const resource = resources.find((r) => r.type === type);
    if (!resource || !resource.interaction?.some((i) => i.code === 'search-type')) {
      return warn(
        name,
        `the capability statement does not list a ${type} search`,
        type === 'Patient'
          ? 'The patient list needs Patient search: check fhir.baseUrl, or the server’s configuration.'
          : `The app will say ${type} data is not available on this server.`,
      );
    }
    const listed = new Set((resource.searchParam ?? []).map((p) => p.name));
    const missing = Object.keys(contract.params)
      .map((param) => param.split(':')[0] ?? param)
      .filter((param, i, all) => all.indexOf(param) === i && !listed.has(param));
    const sortDoc = resource.searchParam?.find((p) => p.name === '_sort')?.documentation;
    const sorts = sortDoc
      ? `sorts it states: ${sortDoc.split(':').at(-1)?.trim() ?? sortDoc}`
      : 'it states no sorts (most servers do not; a refused _sort shows the server’s message)';
    if (missing.length === 0)
      return pass(name, `every parameter the app sends is listed; ${sorts}`);
    return warn(
      name,
      `not listed: ${missing.join(', ')}; ${sorts}`,
      `Searches by ${missing.join(', ')} may be ignored (the app shows the server's "ignored" notice) or refused with the server's words.`,
    );
  });
}

/** With a token: does the server give totals, and are its paging links ones the app will follow? */
export async function checkPaging(deployment: Deployment, token: string): Promise<CheckResult[]> {
  const url = `${deployment.fhirBase}/Patient?_count=1`;
  let bundle: SearchBundle | undefined;
  try {
    const answer = await request(url, { headers: fhirHeaders(deployment, token) });
    if (answer.status !== 200) return [];
    bundle = parseJson(answer.body) as SearchBundle | undefined;
  } catch {
    return [];
  }
  if (bundle?.resourceType !== 'Bundle') return [];
  const totals =
    typeof bundle.total === 'number'
      ? pass('search totals', `the server counts matches (Patient?_count=1: total ${bundle.total})`)
      : warn(
          'search totals',
          'the server sends no Bundle.total',
          'Nothing to fix on the server: the lists then show no count, and page with Next/Previous while the server sends links.',
        );
  const next = bundle.link?.find((l) => l.relation === 'next')?.url;
  if (!next) return [totals];
  const resolved = new URL(next, `${deployment.fhirBase}/`);
  const base = new URL(deployment.fhirBase);
  const underBase =
    resolved.origin === base.origin &&
    (resolved.pathname === base.pathname || resolved.pathname.startsWith(`${base.pathname}/`));
  const style = resolved.searchParams.has('_getpages')
    ? 'HAPI-style _getpages links (results kept on the server for a while)'
    : next.startsWith('http')
      ? 'absolute links'
      : 'relative links';
  const paging = underBase
    ? pass('search paging links', `${style}, under fhir.baseUrl: the app follows them`)
    : warn(
        'search paging links',
        `${style} to ${resolved.origin}${resolved.pathname}, outside fhir.baseUrl`,
        'The app never sends the token outside fhir.baseUrl, so it will not follow these links: set fhir.baseUrl to the base the server uses in its links.',
      );
  return [totals, paging];
}
