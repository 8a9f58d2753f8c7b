import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { OKTA_AUTH, OktaAuthStateService } from '@okta/okta-angular';

/** Who is signed in, and the way out. Shows nothing while signed out. */
@Component({
  selector: 'app-login-status',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (authenticated()) {
      <div class="login-status" role="group" aria-label="Login status" data-testid="login-status">
        <a class="token-link" routerLink="/token">Token inspector</a>
        <span class="user-name" data-testid="user-name">{{ userName() }}</span>
        <button
          mat-stroked-button
          type="button"
          class="sign-out"
          [disabled]="signingOut()"
          (click)="signOut()"
        >
          Sign out
        </button>
      </div>
    }
  `,
  styles: `
    .login-status {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .user-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 40vw;
    }
    .token-link {
      color: inherit;
    }
    @media (max-width: 480px) {
      .login-status {
        gap: 0.5rem;
      }
      .user-name {
        max-width: 28vw;
        font-size: 0.875rem;
      }
      .token-link {
        display: none;
      }
    }
  `,
})
export class LoginStatus {
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly router = inject(Router);
  private readonly authState = toSignal(inject(OktaAuthStateService).authState$);

  protected readonly signingOut = signal(false);
  protected readonly authenticated = computed(() => this.authState()?.isAuthenticated === true);
  protected readonly userName = computed(() => {
    const claims = this.authState()?.idToken?.claims;
    const name = claims?.name ?? claims?.email ?? claims?.preferred_username ?? claims?.sub;
    return typeof name === 'string' && name ? name : 'Signed in';
  });

  /** Revokes the tokens and ends the Okta session (okta-auth-js redirects to /v1/logout). */
  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.oktaAuth.signOut();
    } catch {
      // Revocation or logout failed (server down): still forget the tokens locally.
      this.oktaAuth.tokenManager.clear();
      this.signingOut.set(false);
      await this.router.navigate(['/login']);
    }
  }
}
