/**
 * Every default and fixed tunable of the local authorization server, each next to its reason. Code
 * reads these (or the `AuthConfig` built from them, config.ts) and never repeats a value. Where the
 * operator may change one, config-input.ts says how (option, environment variable, config file).
 */
import { fileURLToPath } from 'node:url';
import { readableTypes } from '../fhir/config.ts';

/** The one public single-page-app client (Okta app ids start with `0oa`), as docs/CONTRACT.md fixes it. */
export const SPA_CLIENT_ID = '0oalocalfhirokta0spa';

/** The app's name where Okta shows one: oidc-provider's `client_name` and the IDX `app` object. */
export const CLIENT_LABEL = 'fhirokta';

/** Okta's default custom authorization server lives at this path below the org URL. */
export const ISSUER_PATH = '/oauth2/default';

/** The committed users file (scrypt hashes only); `usersFile` or `USERS_FILE` names another. */
export const DEFAULT_USERS_FILE = fileURLToPath(new URL('./users.json', import.meta.url));

/**
 * OpenID scopes the server knows; `offline_access` asks for a refresh token, and SMART's `fhirUser`
 * for the user's FHIR resource in the ID token (configured as a custom scope on an Okta server).
 */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access', 'fhirUser'] as const;

/**
 * SMART launch scopes: `launch` (EHR launch, with the `launch` parameter) and `launch/patient`
 * (standalone launch: the patient picker). Granted as requested; a request with either one goes
 * through the launch steps (launch-interaction.ts), every other request is unchanged.
 */
export const LAUNCH_SCOPES = ['launch', 'launch/patient'] as const;

/**
 * The SMART scopes configured on the authorization server, like the scope list of an Okta custom
 * authorization server: anything else is `invalid_scope`. v1 (`.read`) and v2 (`.rs`, `.r`, `.s`)
 * forms, for every type the FHIR server reads (its `readableTypes`, the one list) and `*`.
 */
const SMART_CONTEXTS = ['user', 'patient'];
const SMART_RESOURCE_TYPES = ['*', ...readableTypes];
const SMART_PERMISSIONS = ['read', 'rs', 'r', 's'];
export const SMART_SCOPES: readonly string[] = SMART_CONTEXTS.flatMap((context) =>
  SMART_RESOURCE_TYPES.flatMap((type) => SMART_PERMISSIONS.map((p) => `${context}/${type}.${p}`)),
);

export interface TokenLifetimes {
  /** Access and ID token lifetime. */
  accessTokenSeconds: number;
  /** Refresh token lifetime (idle rotation resets it). */
  refreshTokenSeconds: number;
  /** Browser session at the authorization server. */
  sessionSeconds: number;
  /** Authorization (and interaction) code. */
  authorizationCodeSeconds: number;
  /** Hosted sign-in page / Identity Engine transaction. */
  interactionSeconds: number;
  /** Classic Engine one-time session token. */
  sessionTokenSeconds: number;
  /** A launch context made by the EHR simulator, until the app's authorize request redeems it. */
  launchContextSeconds: number;
}

export const DEFAULT_LIFETIMES: TokenLifetimes = {
  /** Okta's default access-token lifetime: one hour. */
  accessTokenSeconds: 3600,
  /** 30 days: silent renewal survives days away, yet a forgotten device's refresh token still ends. */
  refreshTokenSeconds: 30 * 24 * 3600,
  /** A working day: one sign-in per shift. */
  sessionSeconds: 8 * 3600,
  /** Exchanged right after the redirect: a minute covers a slow network, and a leaked code dies fast. */
  authorizationCodeSeconds: 60,
  /** Ten minutes to type a password before the sign-in page expires. */
  interactionSeconds: 600,
  /** Okta's session tokens live 5 minutes at most. */
  sessionTokenSeconds: 300,
  /** Five minutes: the app opens at once after "Launch"; a launch URL found later is worthless. */
  launchContextSeconds: 300,
};

/**
 * oidc-provider's lifetimes for flows this server does not enable. Set to a number so oidc-provider
 * never calls (and logs a "you SHOULD change it" notice about) its own default functions.
 */
export const UNUSED_FLOW_TTL_SECONDS = 600;

/**
 * Okta's "Grace period for token rotation" (SPA app settings): how long after a rotation the previous
 * refresh token is still accepted. Okta allows 0 (off) to 60 seconds and defaults to 30.
 */
export const REFRESH_TOKEN_GRACE = { defaultSeconds: 30, maxSeconds: 60 } as const;

/** Failed sign-ins allowed within the window before refusing. */
export interface ThrottleLimits {
  maxFailuresPerUser: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

export const LOGIN_THROTTLE: ThrottleLimits = {
  /** A few typos, then a pause: online guessing gets five tries per window. */
  maxFailuresPerUser: 5,
  /** Higher: locally every browser (and every e2e test) is 127.0.0.1, and one user's typos must not lock out the others. */
  maxFailuresPerIp: 20,
  /** Five minutes: guessing stays slow, and a locked-out user only has to wait. */
  windowSeconds: 300,
};

/** The signing key: RS256, as the token contract fixes (docs/CONTRACT.md); keys.ts keeps RSA members. */
export const SIGNING_KEY = { algorithm: 'RS256', modulusLength: 2048 } as const;

/** Clock skew tolerated when userinfo and introspect verify our own access tokens. */
export const ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS = 5;

/**
 * DPoP proofs at userinfo (access-tokens.ts): the age and replay limits, as oidc-provider applies its
 * own at `/v1/token`. The algorithms, the same everywhere, are DPOP_ALGORITHMS in protocol/dpop.ts.
 */
export const DPOP_PROOFS = {
  /** A proof older than this (plus the tolerance) is stale; its `jti` is remembered that long. */
  maxAgeSeconds: 300,
  clockToleranceSeconds: 5,
  /** The most `jti`s remembered at once: a flood shortens the window (see ReplayGuard) instead of growing memory. */
  replayMaxEntries: 100_000,
} as const;

/** `/v1/token` bodies are read before oidc-provider sees them (okta-rewrites.ts): its own limit, 56 KB. */
export const TOKEN_REQUEST_MAX_BODY_BYTES = 56 * 1024;

/** CORS for the Okta-shaped endpoints (cors.ts). */
export const CORS = {
  /** DELETE: okta-auth-js `closeSession()` sends `DELETE /api/v1/sessions/me`. */
  methods: 'GET,POST,DELETE',
  /** The app reads the refusal's challenge and the DPoP nonce it must retry with. */
  exposedHeaders: 'WWW-Authenticate, DPoP-Nonce',
  /** Every okta-auth-js call is preflighted (custom header): cache the answer for an hour. */
  preflightMaxAgeSeconds: 3600,
} as const;

/**
 * scrypt cost of new password hashes (hash-password.ts) and of the dummy hash an unknown login is
 * checked against; stored hashes carry their own cost, up to `maxmemBytes` of memory to verify.
 */
export const PASSWORD_HASHING = {
  N: 16384,
  r: 8,
  p: 1,
  keyBytes: 32,
  saltBytes: 16,
  maxmemBytes: 64 * 1024 * 1024,
} as const;

/** Locale and time zone of every user (users.json has neither), so userinfo and `/api/v1/authn` agree. */
export const PROFILE_DEFAULTS = { locale: 'en_US', timeZone: 'America/Los_Angeles' } as const;

/** SMART App Launch: the patient picker, the EHR simulator and how they read the FHIR server. */
export const SMART_LAUNCH = {
  /** Patients listed per picker search: a name narrows it, and the page says how many matched. */
  pickerPageSize: 20,
  /** A patient's encounters offered by the EHR simulator, newest first. */
  encounterPageSize: 20,
  /** The token the picker reads the FHIR server with, as the signed-in user: one page of searching. */
  readerTokenSeconds: 60,
  /** The FHIR server must answer the picker within this, or the page says it could not. */
  fhirTimeoutMs: 5_000,
  /** The EHR simulator lives below the authorization server's origin. */
  simulatorPath: '/ehr',
} as const;

/**
 * The style the EHR simulator offers as `smart_style_url` (SMART App Launch "Styling"): an EHR's
 * colours, fonts and sizes, for an app that wants to blend in.
 */
export const SIMULATOR_STYLE = {
  color_background: '#f2f5f7',
  color_error: '#b3261e',
  color_highlight: '#00658f',
  color_modal_backdrop: 'rgba(0, 0, 0, 0.4)',
  color_success: '#2e7d32',
  color_text: '#1b1f23',
  dim_border_radius: '6px',
  dim_font_size: '15px',
  dim_spacing_size: '18px',
  font_family_body: 'Georgia, "Times New Roman", serif',
  font_family_heading: '"Trebuchet MS", Helvetica, sans-serif',
} as const;
