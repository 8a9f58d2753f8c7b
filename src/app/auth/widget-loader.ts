import { InjectionToken } from '@angular/core';
import { OktaAuth, Tokens } from '@okta/okta-auth-js';
import { RuntimeConfig } from '../config/runtime-config';
import { CALLBACK_PATH } from './okta-setup';

/** The widget's CSS bundle, emitted by angular.json (styles entry, inject: false). */
export const WIDGET_STYLESHEET = 'okta-sign-in.css';
const STYLESHEET_ID = 'okta-sign-in-stylesheet';

/** The part of the Sign-In Widget the login page uses. */
export interface SignInWidget {
  showSignInToGetTokens(options: { el: string }): Promise<Tokens>;
  remove(): void;
}

/** Adds the widget's stylesheet once; only the login page in widget mode pays for it. */
export function ensureWidgetStylesheet(doc: Document): void {
  if (doc.getElementById(STYLESHEET_ID)) return;
  const link = doc.createElement('link');
  link.id = STYLESHEET_ID;
  link.rel = 'stylesheet';
  link.href = WIDGET_STYLESHEET;
  doc.head.append(link);
}

/**
 * Loads the widget's JavaScript on demand (it is most of the app's bytes) and creates it on top
 * of the app's own OktaAuth, so tokens land in the same token manager.
 */
export async function createSignInWidget(
  config: RuntimeConfig,
  oktaAuth: OktaAuth,
  appOrigin: string,
): Promise<SignInWidget> {
  const { default: OktaSignIn } = await import('@okta/okta-signin-widget');
  return new OktaSignIn({
    issuer: config.okta.issuer,
    clientId: config.okta.clientId,
    redirectUri: `${appOrigin}${CALLBACK_PATH}`,
    scopes: [...config.okta.scopes],
    useClassicEngine: config.okta.useClassicEngine ?? false,
    // The widget's types name its own copy of okta-auth-js; it is the same 7.14.5.
    authClient: oktaAuth as unknown as ConstructorParameters<typeof OktaSignIn>[0]['authClient'],
  });
}

export type SignInWidgetFactory = typeof createSignInWidget;

/** How the login page gets a widget; tests swap in a fake instead of the 1 MB bundle. */
export const SIGN_IN_WIDGET_FACTORY = new InjectionToken<SignInWidgetFactory>(
  'SIGN_IN_WIDGET_FACTORY',
  { providedIn: 'root', factory: () => createSignInWidget },
);
