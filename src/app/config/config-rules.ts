/**
 * The rules of config.json that more than one part of it shares: its fields, patterns and bounds, and
 * the reading of one of its objects: unknown fields refused, then each field checked by its rule.
 * `public/config.schema.json` states the same rules for editors, and `config-schema.spec.ts` fails
 * when the two drift apart.
 *
 * The doctor (tools/doctor) validates config.json with these same rules in Node, so nothing here (nor
 * in validate-config.ts, validate-ehrs.ts or runtime-config.ts) imports Angular.
 */

/** One thing wrong with config.json, phrased for the person who has to fix the file. */
export interface ConfigProblem {
  readonly field: string;
  readonly message: string;
  readonly fix: string;
}

export type JsonObject = Record<string, unknown>;

/** The fields of each object in config.json; `ehrs` lists the fields of one entry of that list. */
export const CONFIG_FIELDS = {
  '': ['$schema', 'okta', 'loginMode', 'fhir', 'session', 'ehrs'],
  okta: ['issuer', 'clientId', 'scopes', 'useClassicEngine', 'dpop'],
  fhir: ['baseUrl', 'apiKey', 'apiKeyIsPublic'],
  session: ['idleMinutes', 'warningSeconds'],
  ehrs: ['name', 'iss', 'clientId', 'scopes'],
} as const;

export const REQUIRED_FIELDS = {
  '': ['okta', 'fhir'],
  okta: ['issuer', 'clientId', 'scopes'],
  fhir: ['baseUrl'],
  session: [],
  ehrs: ['name', 'iss', 'clientId'],
} as const;

export interface NumericRange {
  readonly minimum: number;
  readonly maximum: number;
}

/** Bounds shared with the schema: a working day at most; a warning of at least a few seconds. */
export const SESSION_LIMITS = {
  idleMinutes: { minimum: 0, maximum: 720 },
  warningSeconds: { minimum: 5, maximum: 600 },
} as const;

/** Patterns shared with the schema, as JSON Schema (ECMA-262) source text. */
export const CONFIG_PATTERNS = {
  /**
   * https anywhere, http only for localhost; no credentials, query, fragment, spaces or backslashes,
   * no empty, "." or ".." path segments (written plainly or percent-encoded): a URL the browser would
   * rewrite is not the URL that tokens are confined to.
   */
  url: String.raw`^(https://[^/\\?#@\s]+|http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?)(?!.*//)(?!.*/(\.|%2[eE]){1,2}(/|$))(/[^\\?#\s]*)?$`,
  clientId: String.raw`^[A-Za-z0-9_-]+$`,
  scope: String.raw`^\S+$`,
  scopeString: String.raw`^\s*(\S+\s+)*openid(\s+\S+)*\s*$`,
  /** Visible ASCII only: anything else cannot be sent in an HTTP header. */
  apiKey: String.raw`^[!-~]+$`,
  /** Some visible text: a name made only of spaces would label a button with nothing. */
  name: String.raw`\S`,
} as const;

const URL_PATTERN = new RegExp(CONFIG_PATTERNS.url);
const CLIENT_ID_PATTERN = new RegExp(CONFIG_PATTERNS.clientId);
const SCOPE_PATTERN = new RegExp(CONFIG_PATTERNS.scope);
/** What follows the scheme and host: the path as written, before the browser normalises it. */
const AFTER_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\\]*/;
const DOT_SEGMENT = /\/(\.|%2e){1,2}(\/|$)/i;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isScope(value: unknown): value is string {
  return typeof value === 'string' && SCOPE_PATTERN.test(value);
}

function qualified(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

/** Edit distance, to turn "issuerr" into a "did you mean" hint. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // Indices stay in range; `?? 0` only satisfies Node's noUncheckedIndexedAccess.
      const [above, left, diagonal] = [previous[j] ?? 0, current[j - 1] ?? 0, previous[j - 1] ?? 0];
      current[j] = Math.min(above + 1, left + 1, diagonal + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Unknown fields are refused: a misspelt optional field would otherwise be silently ignored.
 * `prefix` is where the object sits: '' (the top level), "okta", "ehrs[0]".
 */
export function checkUnknownFields(
  object: JsonObject,
  known: readonly string[],
  prefix: string,
): ConfigProblem[] {
  const where = prefix === '' ? 'at the top level' : `in "${prefix}"`;
  return Object.keys(object)
    .filter((name) => !known.includes(name))
    .map((name) => {
      const near = known.find(
        (candidate) =>
          candidate.toLowerCase() === name.toLowerCase() ||
          distance(candidate.toLowerCase(), name.toLowerCase()) <= 2,
      );
      const hint = near ? `Did you mean "${qualified(prefix, near)}"? ` : '';
      return {
        field: qualified(prefix, name),
        message: 'is not a known field',
        fix:
          `${hint}Rename or remove "${qualified(prefix, name)}". ` +
          `The fields allowed ${where} are: ${known.join(', ')}.`,
      };
    });
}

/**
 * What keeps a base URL from being one the browser will not rewrite, in words; undefined when nothing
 * does. Such a URL is https, or http for localhost (the local stack), with no query, fragment,
 * credentials, spaces, backslashes, empty or dot path segments.
 */
function baseUrlFault(value: string): string | undefined {
  if (!URL.canParse(value)) return `is not a valid URL: "${value}"`;
  const url = new URL(value);
  const isLocal = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) {
    return 'must use https (http is allowed only for localhost)';
  }
  if (url.search || url.hash || url.username || url.password) {
    return 'must not contain a query, fragment or credentials';
  }
  const path = value.replace(AFTER_AUTHORITY, '');
  if (DOT_SEGMENT.test(path)) return `must not contain "." or ".." path segments: "${value}"`;
  if (path.includes('//')) return `must not contain an empty path segment ("//"): "${value}"`;
  if (!URL_PATTERN.test(value)) {
    return `must be a plain URL (lower-case scheme, no spaces or backslashes): "${value}"`;
  }
  return undefined;
}

/**
 * One object of config.json, `at` where it sits ("okta", "ehrs[0]"): refused unless it is a JSON
 * object (`fix` says what to write instead); then its fields that `CONFIG_FIELDS[kind]` does not
 * list.
 */
export function checkObject(
  value: unknown,
  kind: keyof typeof CONFIG_FIELDS,
  at: string,
  fix: string,
  problems: ConfigProblem[],
): JsonObject | undefined {
  if (!isObject(value)) {
    problems.push({ field: at, message: 'must be a JSON object', fix });
    return undefined;
  }
  problems.push(...checkUnknownFields(value, CONFIG_FIELDS[kind], at));
  return value;
}

/**
 * Reads the fields of one object of config.json (`at` is where it sits: "okta", "ehrs[0]"), each
 * by its rule. A field that breaks its rule adds a problem to `problems`, with the fix that `fixes`
 * gives for that field, and reads as undefined.
 */
export class FieldReader<Name extends string> {
  constructor(
    private readonly object: JsonObject,
    private readonly at: string,
    private readonly fixes: Readonly<Record<Name, string>>,
    private readonly problems: ConfigProblem[],
  ) {}

  /** Adds what is wrong with the field; `fix` where this problem has a fix of its own. */
  refuse(name: Name, message: string, fix = this.fixes[name]): undefined {
    this.problems.push({ field: `${this.at}.${name}`, message, fix });
    return undefined;
  }

  /** An absolute http(s) URL that the browser will not rewrite, without its trailing slash. */
  baseUrl(name: Name): string | undefined {
    const value = this.object[name];
    if (typeof value !== 'string' || value.trim() === '') return this.refuse(name, 'is missing');
    const fault = baseUrlFault(value);
    return fault === undefined ? value.replace(/\/$/, '') : this.refuse(name, fault);
  }

  /** A client id as Okta and EHRs issue them: letters, digits, "-" and "_". */
  clientId(name: Name): string | undefined {
    const value = this.object[name];
    if (typeof value === 'string' && CLIENT_ID_PATTERN.test(value)) return value;
    return this.refuse(
      name,
      typeof value === 'string' ? 'contains unexpected characters' : 'is missing',
    );
  }

  /** A number from `minimum` to `maximum`, or absent. */
  optionalNumber(name: Name, { minimum, maximum }: NumericRange): number | undefined {
    const value = this.object[name];
    if (value === undefined) return undefined;
    const inRange =
      typeof value === 'number' && Number.isFinite(value) && value >= minimum && value <= maximum;
    return inRange ? value : this.refuse(name, `must be a number from ${minimum} to ${maximum}`);
  }

  /** true, false, or absent. */
  optionalBoolean(name: Name): boolean | undefined {
    const value = this.object[name];
    if (value === undefined || typeof value === 'boolean') return value;
    return this.refuse(name, 'must be true or false');
  }
}
