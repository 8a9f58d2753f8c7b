import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterOutlet } from '@angular/router';
import { IdleWarning } from '../session/idle-warning';
import { ApiKeyWarning } from './api-key-warning';
import { LoginStatus } from './login-status';
import { RetryBanner } from './retry-banner';

/**
 * The app frame: toolbar with the app name and the signed-in user, the API-key warning when a key
 * is configured, then the routed page, and the idle warning when it is due.
 */
@Component({
  selector: 'app-root',
  imports: [
    MatToolbarModule,
    RouterLink,
    RouterOutlet,
    LoginStatus,
    ApiKeyWarning,
    IdleWarning,
    RetryBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main-content">Skip to content</a>
    <mat-toolbar class="app-toolbar" role="banner">
      <a class="app-name" routerLink="/patients">{{ appName }}</a>
      <span class="toolbar-spacer"></span>
      <app-login-status />
    </mat-toolbar>
    <app-api-key-warning />
    <app-retry-banner />
    <main id="main-content" class="page" tabindex="-1">
      <router-outlet />
    </main>
    <app-idle-warning />
  `,
})
export class AppShell {
  protected readonly appName = 'fhirokta';
}
