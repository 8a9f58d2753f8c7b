import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { OktaAuthStateService } from '@okta/okta-angular';
import { interval, map, startWith } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { decodeJwt } from './jwt-decode';
import { tokenScopes } from '../../../protocol/smart-scopes';
import { SessionWatch } from '../session/session-watch';
import { checkAccessToken, describeExpiry, describeSession } from './token-checks';

/**
 * /token: decodes the access and ID tokens in the browser and says, in plain words, whether
 * the access token is what the FHIR server needs. Tokens are never sent or logged.
 */
@Component({
  selector: 'app-token-inspector',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './token-inspector.html',
})
export class TokenInspector {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly sessionWatch = inject(SessionWatch);
  private readonly fhirBase = this.config.fhir.baseUrl;
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
    if (!access) return [];
    return checkAccessToken(access.claims, {
      fhirBase: this.fhirBase,
      clientId: this.config.okta.clientId,
      nowSeconds: this.nowSeconds(),
      // The app cannot know the FHIR server's clock leeway: judge the token by its own times.
      leewaySeconds: 0,
    });
  });
  protected readonly scopes = computed(() => {
    const access = this.access();
    return access ? tokenScopes(access.claims) : [];
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
      idleDeadlineMs: this.sessionWatch.idleDeadline(),
      nowSeconds: this.nowSeconds(),
      hasRefreshToken: this.authState()?.refreshToken !== undefined,
    }),
  );

  protected json(value: unknown): string {
    return JSON.stringify(value, null, 2);
  }
}
