/**
 * What a FHIR server says about itself: its CapabilityStatement (what it searches and sorts) and its
 * SMART configuration (how it takes tokens). Read leniently, as servers differ in what they fill in.
 *
 * The doctor (tools/doctor) reads servers with these same rules, so this file imports nothing and
 * knows nothing of Angular.
 */

/** What the FHIR server's CapabilityStatement says it can search. */
export interface ServerCapabilities {
  /** False when the statement was missing or unreadable: then everything is offered, as before. */
  readonly known: boolean;
  /** Whether the statement names SMART on FHIR security, so a SMART configuration is worth reading. */
  readonly smart: boolean;
  /** Whether `type` can be searched at all. */
  searchable(type: string): boolean;
  /** Whether `param` (as sent: `code:text` counts as `code`) may be sent for `type`. */
  supportsParam(type: string, param: string): boolean;
  /**
   * Whether the statement names `param` for `type`: for what is sent only when the server says it
   * takes it (`_total`), so false when the statement is unknown or lists nothing.
   */
  lists(type: string, param: string): boolean;
  /** Whether `type` sorts by `sort` (a key, `-` in front for descending). */
  supportsSort(type: string, sort: string): boolean;
  /** The `_sort` keys the statement names for `type`; undefined when it names none. */
  sortKeys(type: string): readonly string[] | undefined;
}

export const UNKNOWN_CAPABILITIES: ServerCapabilities = {
  known: false,
  smart: false,
  searchable: () => true,
  supportsParam: () => true,
  lists: () => false,
  supportsSort: () => true,
  sortKeys: () => undefined,
};

interface StatementResource {
  type?: unknown;
  interaction?: { code?: unknown }[];
  searchParam?: { name?: unknown; documentation?: unknown }[];
}

interface StatementRest {
  mode?: unknown;
  resource?: unknown;
  security?: { service?: { coding?: { code?: unknown }[] }[]; extension?: { url?: unknown }[] };
}

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const SORT_KEY = /^-?[A-Za-z_][\w.-]*$/;

/**
 * Sort keys as a documentation string ends with them, after its last colon: "...: name | birthdate"
 * (how the local server states them; some write commas). Anything else states no keys.
 */
function documentedSortKeys(documentation: unknown): readonly string[] | undefined {
  if (typeof documentation !== 'string' || !documentation.includes(':')) return undefined;
  const keys = (documentation.split(':').at(-1) ?? '')
    .split(/[|,]/)
    .map((key) => key.trim())
    .filter((key) => key !== '');
  return keys.length > 0 && keys.every((key) => SORT_KEY.test(key)) ? keys : undefined;
}

function isSmart(rest: StatementRest): boolean {
  const security = rest.security;
  const service = Array.isArray(security?.service) ? security.service : [];
  const extensions = Array.isArray(security?.extension) ? security.extension : [];
  return (
    service.some((s) => (s?.coding ?? []).some((c) => c?.code === 'SMART-on-FHIR')) ||
    extensions.some((e) => e?.url === OAUTH_URIS)
  );
}

/**
 * Only server-mode `rest` entries count; a type without `search-type` cannot be searched; a
 * searchable type that lists no parameters is assumed to take the app's (many servers leave
 * `searchParam` out), and one that lists parameters but no `_sort` is taken not to sort.
 */
export function parseCapabilities(statement: unknown): ServerCapabilities {
  const s = statement as { resourceType?: unknown; rest?: StatementRest[] } | undefined;
  if (s?.resourceType !== 'CapabilityStatement' || !Array.isArray(s.rest))
    return UNKNOWN_CAPABILITIES;
  const servers = s.rest.filter((rest) => rest?.mode === undefined || rest.mode === 'server');
  const resources = new Map<string, StatementResource>();
  for (const rest of servers) {
    for (const r of Array.isArray(rest.resource) ? (rest.resource as StatementResource[]) : []) {
      if (typeof r?.type === 'string') resources.set(r.type, r);
    }
  }
  const searchable = (type: string) =>
    resources.get(type)?.interaction?.some((i) => i?.code === 'search-type') === true;
  /** The parameters listed for a searchable type; undefined when it lists none. */
  const listed = (type: string) => {
    const params = resources.get(type)?.searchParam;
    return Array.isArray(params) && params.length > 0 ? params : undefined;
  };
  const lists = (type: string, param: string) =>
    searchable(type) && (listed(type) ?? []).some((p) => p?.name === param.split(':')[0]);
  const sortKeys = (type: string) =>
    documentedSortKeys(listed(type)?.find((p) => p?.name === '_sort')?.documentation);
  return {
    known: true,
    smart: servers.some(isSmart),
    searchable,
    lists,
    sortKeys,
    supportsParam: (type, param) => searchable(type) && (!listed(type) || lists(type, param)),
    supportsSort(type, sort) {
      if (!searchable(type)) return false;
      if (!listed(type)) return true;
      const keys = sortKeys(type);
      return keys ? keys.includes(sort.replace(/^-/, '')) : lists(type, '_sort');
    },
  };
}

/** What the FHIR server's `.well-known/smart-configuration` says the app can rely on. */
export interface SmartConfiguration {
  /** False when there was none, or it was unreadable: nothing below is then known. */
  readonly known: boolean;
  /** Whether it advertises DPoP (`dpop_signing_alg_values_supported`); undefined when unknown. */
  readonly dpop: boolean | undefined;
}

export const UNKNOWN_SMART_CONFIGURATION: SmartConfiguration = { known: false, dpop: undefined };

export function parseSmartConfiguration(document: unknown): SmartConfiguration {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return UNKNOWN_SMART_CONFIGURATION;
  const algorithms = (document as { dpop_signing_alg_values_supported?: unknown })
    .dpop_signing_alg_values_supported;
  return { known: true, dpop: Array.isArray(algorithms) && algorithms.length > 0 };
}

/**
 * Whether a searchset's total is the server's estimate: its self link, the search as the server ran
 * it, says `_total=estimate` (FHIR has no other marker). `base` resolves a relative link.
 */
export function totalIsEstimate(
  bundle: { link?: { relation?: string; url?: string }[] },
  base: string,
): boolean {
  const self = bundle.link?.find((link) => link.relation === 'self')?.url;
  if (!self || !URL.canParse(self, base)) return false;
  return new URL(self, base).searchParams.get('_total') === 'estimate';
}
