import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';

export const API_KEY_WARNING =
  'This deployment sends a FHIR API key from the browser. Anyone using this app can read it.';

/**
 * A persistent banner while `fhir.apiKey` is configured: a key shipped to the browser is public,
 * and whoever runs the deployment should see that on every page, not only in the README.
 */
@Component({
  selector: 'app-api-key-warning',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (apiKeyConfigured) {
      <div class="api-key-warning" role="status" data-testid="api-key-warning">
        <strong>Warning:</strong> {{ message }}
      </div>
    }
  `,
  styles: `
    .api-key-warning {
      padding: 0.5rem 1rem;
      border-bottom: 2px solid currentColor;
      background: light-dark(#fff4e5, #3a2500);
      color: light-dark(#6b3a00, #ffd8a8);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class ApiKeyWarning {
  protected readonly apiKeyConfigured = !!inject(RUNTIME_CONFIG).fhir.apiKey;
  protected readonly message = API_KEY_WARNING;
}
