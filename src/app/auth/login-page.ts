import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  OnDestroy,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EhrEntry } from '../config/runtime-config';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { EHR_SESSION } from '../fhir/fhir-session';
import { EhrExit } from '../launch/ehr-exit';
import { LaunchStarter } from '../launch/launch-starter';
import { SessionEndNotices, sessionEndMessage } from '../session/session-end';
import { SIGN_IN_WIDGET_FACTORY, SignInWidget, ensureWidgetStylesheet } from './widget-loader';

export const WIDGET_CONTAINER_ID = 'okta-sign-in-widget';
/** How long a new tab looks for a live Okta session before offering the sign-in (a down issuer never answers). */
const SILENT_SIGN_IN_TIMEOUT_MS = 3_000;

/**
 * The /login page. In redirect mode a button sends the user to the Okta-hosted page; in widget
 * mode the Sign-In Widget is loaded lazily and embedded here. Either way the originalUri stored
 * by the guard decides where the user lands afterwards.
 *
 * A tab that opens here with no tokens while the Okta session lives (a patient opened in a new tab)
 * is signed in silently, without the password. A tab whose session just ended says why instead, and
 * waits for the user: signing in again must be their choice.
 *
 * Each EHR in config.json is offered as "Sign in with <name>" (a SMART standalone launch: the EHR signs
 * the user in and picks the patient). The page itself belongs to Okta: a tab still in an EHR session
 * leaves it first.
 */
@Component({
  selector: 'app-login-page',
  imports: [MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage implements OnInit, OnDestroy {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly createSignInWidget = inject(SIGN_IN_WIDGET_FACTORY);
  private readonly notice = inject(SessionEndNotices).current();
  private readonly ehrSession = inject(EHR_SESSION);
  private readonly ehrExit = inject(EhrExit);
  private readonly launchStarter = inject(LaunchStarter);
  private widget?: SignInWidget;
  private destroyed = false;

  protected readonly mode = this.config.loginMode;
  protected readonly ehrs = this.config.ehrs;
  protected readonly busy = signal(false);
  /** True while a live Okta session is looked for, before anything is offered. */
  protected readonly checking = signal(this.notice === undefined);
  protected readonly widgetLoading = signal(this.config.loginMode === 'widget');
  protected readonly errorMessage = signal('');
  protected readonly widgetContainerId = WIDGET_CONTAINER_ID;
  protected readonly sessionEnd = this.notice
    ? sessionEndMessage(this.notice.reason, this.config.session)
    : '';

  async ngOnInit(): Promise<void> {
    if (this.ehrSession) return this.ehrExit.toSignIn();
    if (await this.oktaAuth.isAuthenticated()) {
      await this.router.navigateByUrl('/patients', { replaceUrl: true });
      return;
    }
    if (this.notice) this.oktaAuth.setOriginalUri(this.notice.returnPath);
    // First, alone: a sign-in started meanwhile would share okta-auth-js's transaction storage with it.
    else if (await this.signInSilently()) return;
    this.checking.set(false);
    if (this.mode === 'widget') await this.showWidget();
  }

  /** Uses a live Okta session through the hidden iframe (prompt=none); false when there is none. */
  private async signInSilently(): Promise<boolean> {
    try {
      const { tokens } = await this.oktaAuth.token.getWithoutPrompt({
        timeout: SILENT_SIGN_IN_TIMEOUT_MS,
      });
      if (!this.destroyed) await this.oktaAuth.handleLoginRedirect(tokens);
      return true;
    } catch {
      // login_required (no Okta session), or the issuer did not answer in time.
      return false;
    }
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.widget?.remove();
  }

  protected async signInWithRedirect(): Promise<void> {
    this.busy.set(true);
    this.errorMessage.set('');
    try {
      // No originalUri argument: keep the one the guard stored for the page first asked for.
      await this.oktaAuth.signInWithRedirect();
    } catch {
      this.busy.set(false);
      this.errorMessage.set(
        'The sign-in service could not be reached. Check your connection and try again.',
      );
    }
  }

  /** Standalone launch: the EHR signs the user in; a failure before leaving is explained, not retried. */
  protected async signInWithEhr(ehr: EhrEntry): Promise<void> {
    this.busy.set(true);
    this.errorMessage.set('');
    const problem = await this.launchStarter.start(ehr);
    if (problem) this.ehrExit.showProblem(problem);
  }

  private async showWidget(): Promise<void> {
    try {
      ensureWidgetStylesheet(this.document);
      const widget = await this.createSignInWidget(
        this.config,
        this.oktaAuth,
        this.document.location.origin,
      );
      if (this.destroyed) return;
      this.widget = widget;
      this.widgetLoading.set(false);
      const tokens = await widget.showSignInToGetTokens({ el: `#${WIDGET_CONTAINER_ID}` });
      widget.remove();
      this.widget = undefined;
      await this.oktaAuth.handleLoginRedirect(tokens);
    } catch {
      if (this.destroyed) return;
      this.widgetLoading.set(false);
      this.errorMessage.set(
        'Sign-in could not be completed. Check your connection, then reload the page.',
      );
    }
  }
}
