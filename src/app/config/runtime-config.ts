/** How the user signs in: Okta's hosted page, or the Sign-In Widget embedded on /login. */
export type LoginMode = 'redirect' | 'widget';

export const LOGIN_MODES: readonly LoginMode[] = ['redirect', 'widget'];

/**
 * The contents of `public/config.json`, read before the app boots. `public/config.schema.json`
 * describes the same file for editors; `validate-config.ts` enforces it (a test keeps them in step).
 * Node reads it too (the doctor), so this file imports nothing; the injection token that hands it to
 * the app is in `runtime-config-token.ts`.
 */
export interface RuntimeConfig {
  readonly okta: {
    /** Okta custom authorization server, e.g. https://{org}.okta.com/oauth2/default */
    readonly issuer: string;
    readonly clientId: string;
    readonly scopes: readonly string[];
    /** Use the Sign-In Widget's Classic Engine instead of Identity Engine (widget mode only). */
    readonly useClassicEngine?: boolean;
    /** Ask for DPoP-bound tokens and send a DPoP proof with every FHIR call. */
    readonly dpop?: boolean;
  };
  readonly loginMode: LoginMode;
  readonly fhir: {
    /** FHIR R4 base URL; it is also the access token's audience. No trailing slash. */
    readonly baseUrl: string;
    /**
     * Opt-in and risky: sent as `x-api-key` to the FHIR base only. Public to every user of the
     * app; the validator accepts it only with `fhir.apiKeyIsPublic: true`, and the shell warns.
     */
    readonly apiKey?: string;
  };
  /** Automatic sign-out on shared workstations; the validator fills in the defaults. */
  readonly session: SessionSettings;
  /**
   * EHRs allowed to launch the app (SMART App Launch) and offered as "Sign in with <name>"; empty
   * when config.json lists none. Names and FHIR bases are unique.
   */
  readonly ehrs: readonly EhrEntry[];
}

/** One EHR the app trusts to launch it. */
export interface EhrEntry {
  /** Shown to the user: "Sign in with <name>", "Your session from <name> has ended". */
  readonly name: string;
  /**
   * The EHR's FHIR base URL, without a trailing slash (the validator removes one): a launch's `iss`
   * must equal it (one trailing slash ignored). Same URL rules as `fhir.baseUrl`.
   */
  readonly iss: string;
  /** The app's client id registered at that EHR's authorization server. */
  readonly clientId: string;
  /** Scopes to ask for; without them the app chooses from what the EHR advertises (`protocol/launch-scopes.ts`). */
  readonly scopes?: readonly string[];
}

export interface SessionSettings {
  /** Minutes without activity in any tab before every tab signs out; 0 turns it off. */
  readonly idleMinutes: number;
  /** How long before that the "Stay signed in" warning appears. */
  readonly warningSeconds: number;
}

export const SESSION_DEFAULTS: SessionSettings = { idleMinutes: 15, warningSeconds: 60 };
