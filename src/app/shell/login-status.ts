import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { OktaAuthStateService } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { SignOut } from '../session/sign-out';

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
  private readonly signOutService = inject(SignOut);
  private readonly authState = toSignal(inject(OktaAuthStateService).authState$);

  protected readonly signingOut = signal(false);
  protected readonly authenticated = computed(() => this.authState()?.isAuthenticated === true);
  /** An EHR's `sub` is often an opaque hash: the EHR's name says more. */
  private readonly ehrName = inject(EHR_SESSION)?.ehr.name;
  protected readonly userName = computed(() => {
    const claims = this.authState()?.idToken?.claims;
    const named = claims?.name ?? claims?.email ?? claims?.preferred_username;
    const name = named ?? (this.ehrName ? `Signed in with ${this.ehrName}` : claims?.sub);
    return typeof name === 'string' && name ? name : 'Signed in';
  });

  /** Signs out every tab: tokens revoked, the Okta session ended (see SignOut). */
  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    await this.signOutService.everywhere('user');
  }
}
