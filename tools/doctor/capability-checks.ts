// What the FHIR server says it can do, against what the app sends (src/app/fhir/search-contract.ts), and,
// with a token, how it actually pages: totals, link shapes. Each finding says what the app will do about it.
import {
  parseCapabilities,
  parseSmartConfiguration,
  totalIsEstimate,
  type ServerCapabilities,
} from '../../src/app/fhir/capability-statement.ts';
import type { Bundle } from '../../src/app/fhir/fhir-types.ts';
import { SEARCH_CONTRACT } from '../../src/app/fhir/search-contract.ts';
import type { Deployment } from './deployment.ts';
import { describeNetworkError, parseJson, request } from './http.ts';
import { pass, warn, type CheckResult } from './report.ts';

const fhirHeaders = (deployment: Deployment, token?: string): Record<string, string> => ({
  Accept: 'application/fhir+json',
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
  ...(deployment.apiKey ? { 'x-api-key': deployment.apiKey } : {}),
});

/** The server's capabilities read the way the app reads them (src/app/fhir/capability-statement.ts). */
async function readCapabilities(deployment: Deployment): Promise<ServerCapabilities> {
  const answer = await request(`${deployment.fhirBase}/metadata`, {
    headers: fhirHeaders(deployment),
  });
  return parseCapabilities(parseJson(answer.body));
}

/** The server's stated support for each search the app makes: parameters, then sorts. */
export async function checkCapabilities(deployment: Deployment): Promise<CheckResult[]> {
  let capabilities: ServerCapabilities;
  try {
    capabilities = await readCapabilities(deployment);
  } catch (error) {
    return [
      warn(
        'search support stated by the server',
        describeNetworkError(error),
        'Fix the capability statement check above first.',
      ),
    ];
  }
  return Object.entries(SEARCH_CONTRACT).flatMap(([type, contract]) => {
    const name = `search support for ${type}`;
    if (!capabilities.searchable(type)) {
      return [
        warn(
          name,
          `the capability statement does not list a ${type} search`,
          type === 'Patient'
            ? 'The patient list needs Patient search: check fhir.baseUrl, or the server’s configuration.'
            : `The app will say ${type} data is not available on this server.`,
        ),
      ];
    }
    const missing = Object.keys(contract.params)
      .map((param) => param.split(':')[0] ?? param)
      .filter((param, i, all) => all.indexOf(param) === i)
      .filter((param) => !capabilities.supportsParam(type, param));
    const params =
      missing.length === 0
        ? pass(name, 'every parameter the app sends is listed')
        : warn(
            name,
            `parameters the app will not offer: ${missing.join(', ')}`,
            `Nothing to fix unless you need them: the app disables those filters with the reason, and sends none of them (a link that has one says it was not sent).`,
          );
    // A type the app lists unsorted (it sorts the page itself) has no sort to check.
    return contract.sorts.length > 0
      ? [params, checkSorts(capabilities, type, contract.sorts)]
      : [params];
  });
}

/** Which of the app's sorts the server states, and what the app does about the others. */
function checkSorts(
  capabilities: ServerCapabilities,
  type: string,
  sorts: readonly string[],
): CheckResult {
  const name = `_sort support for ${type}`;
  const keys = capabilities.sortKeys(type);
  const stated = keys ? `it states ${keys.join(' | ')}` : 'it states no sort keys';
  const missing = sorts.filter((sort) => !capabilities.supportsSort(type, sort));
  if (missing.length === 0) {
    return pass(
      name,
      `${stated}; the app sends ${sorts.join(', ')}. A server that refuses _sort anyway (400) is asked again without it, and the list says it is in the server’s order.`,
    );
  }
  return warn(
    name,
    `${stated}; the app will not send ${missing.join(', ')}`,
    'Nothing to fix unless you need them: the app disables those sorts with the reason, lists results in the server’s order (sorting them itself when one page holds them all) and says so.',
  );
}

/** Whether the FHIR server's SMART configuration advertises DPoP, against okta.dpop. */
export async function checkDpopAdvertised(deployment: Deployment): Promise<CheckResult> {
  const name = 'DPoP support stated by the FHIR server';
  let advertised: boolean | undefined;
  try {
    const answer = await request(`${deployment.fhirBase}/.well-known/smart-configuration`);
    const smart = parseSmartConfiguration(
      answer.status === 200 ? parseJson(answer.body) : undefined,
    );
    advertised = smart.dpop;
  } catch {
    advertised = undefined;
  }
  const said =
    advertised === undefined
      ? 'no readable SMART configuration, so DPoP support is unknown'
      : advertised
        ? 'its SMART configuration advertises DPoP'
        : 'its SMART configuration does not advertise DPoP';
  if (!deployment.dpop)
    return pass(name, `${said}; okta.dpop is off, so the app sends Bearer tokens`);
  if (advertised) return pass(name, `${said}; okta.dpop is on, and the app sends DPoP proofs`);
  return warn(
    name,
    `${said}, but okta.dpop is on`,
    'Make sure the FHIR server accepts DPoP-bound tokens, or set okta.dpop to false. If it refuses them, the app says a sign-in was refused and names DPoP as the likely cause.',
  );
}

/** With a token: does the server give totals, and are its paging links ones the app will follow? */
export async function checkPaging(deployment: Deployment, token: string): Promise<CheckResult[]> {
  let bundle: Bundle | undefined;
  let asksTotal: boolean;
  try {
    // As the app asks: an exact total only where the statement lists _total.
    asksTotal = (await readCapabilities(deployment)).lists('Patient', '_total');
    const url = `${deployment.fhirBase}/Patient?_count=1${asksTotal ? '&_total=accurate' : ''}`;
    const answer = await request(url, { headers: fhirHeaders(deployment, token) });
    if (answer.status !== 200) return [];
    bundle = parseJson(answer.body) as Bundle | undefined;
  } catch {
    return [];
  }
  if (bundle?.resourceType !== 'Bundle') return [];
  const estimated = totalIsEstimate(bundle, `${deployment.fhirBase}/`);
  const asked = asksTotal ? '_total=accurate, as the statement lists _total' : 'no _total';
  const totals =
    typeof bundle.total !== 'number'
      ? warn(
          'search totals',
          `none: the server sends no Bundle.total (asked with ${asked})`,
          'Nothing to fix on the server: the lists then show no count, and page with Next/Previous while the server sends links.',
        )
      : estimated
        ? warn(
            'search totals',
            `estimates: total ${bundle.total}, the self link says _total=estimate (asked with ${asked})`,
            'Nothing to fix on the server: the lists say "about" the number.',
          )
        : pass(
            'search totals',
            `exact: the server counts matches (Patient?_count=1: total ${bundle.total}; asked with ${asked})`,
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
