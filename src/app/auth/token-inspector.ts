import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { OktaAuthStateService } from '@okta/okta-angular';
import { interval, map, startWith } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { EHR_SESSION, FHIR_SESSION } from '../fhir/fhir-session';
import { LaunchContextView } from '../launch/launch-context-view';
import { LaunchSession } from '../launch/launch-session';
import { tokenScopes } from '../../../protocol/smart-scopes';
import { IdleSignOut } from '../session/idle-sign-out';
import { JwtPartsTemplate } from './jwt-parts';
import { checkAccessToken, decodeJwt, describeExpiry, describeSession } from './token-checks';

/**
 * /token: decodes the access and ID tokens in the browser and says, in plain words, whether
 * the access token is what the FHIR server needs. Tokens are never sent or logged. In an EHR session
 * it shows the EHR and the launch context instead of the checks: the token is the EHR's, for its own
 * FHIR server to judge.
 */
@Component({
  selector: 'app-token-inspector',
  imports: [NgTemplateOutlet, JwtPartsTemplate, LaunchContextView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './token-inspector.html',
})
export class TokenInspector {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly idleSignOut = inject(IdleSignOut);
  private readonly fhirBase = inject(FHIR_SESSION).baseUrl;
  protected readonly ehr = inject(EHR_SESSION);
  protected readonly launchContext = inject(LaunchSession).context();
  private readonly authState = toSignal(inject(OktaAuthStateService).authState$);
  private readonly nowSeconds = toSignal(
    interval(1000).pipe(
      startWith(0),
      map(() => Math.floor(Date.now() / 1000)),
    ),
    { initialValue: Math.floor(Date.now() / 1000) },
  );
  protected readonly fhirBaseUrl = this.fhirBase;

  protected readonly access = computed(() => {
    const token = this.authState()?.accessToken?.accessToken;
    return token ? decodeJwt(token) : undefined;
  });
  protected readonly id = computed(() => {
    const token = this.authState()?.idToken?.idToken;
    return token ? decodeJwt(token) : undefined;
  });
  protected readonly checks = computed(() => {
    const access = this.access();
    if (!access || this.ehr) return [];
    return checkAccessToken(access.claims, {
      fhirBase: this.fhirBase,
      clientId: this.config.okta.clientId,
      nowSeconds: this.nowSeconds(),
      // The app cannot know the FHIR server's clock leeway: judge the token by its own times.
      leewaySeconds: 0,
    });
  });
  /** From the claims; an EHR's opaque token has none, and then the token response's `scope` says. */
  protected readonly scopes = computed(() => {
    const access = this.access();
    const fromClaims = access ? tokenScopes(access.claims) : [];
    return fromClaims.length > 0 ? fromClaims : (this.authState()?.accessToken?.scopes ?? []);
  });
  protected readonly accessExpiry = computed(() =>
    describeExpiry(this.access()?.claims['exp'], this.nowSeconds()),
  );
  protected readonly idExpiry = computed(() =>
    describeExpiry(this.id()?.claims['exp'], this.nowSeconds()),
  );
  /** When the session ends without activity, and why renewal works the way it does. */
  protected readonly session = computed(() =>
    describeSession({
      settings: this.config.session,
      idleDeadlineMs: this.idleSignOut.idleDeadline(),
      nowSeconds: this.nowSeconds(),
      hasRefreshToken: this.authState()?.refreshToken !== undefined,
      ehrName: this.ehr?.ehr.name,
    }),
  );

  protected json(value: unknown): string {
    return JSON.stringify(value, null, 2);
  }
}
