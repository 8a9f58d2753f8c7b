import { DOCUMENT, Injectable, OnDestroy, inject } from '@angular/core';
import { OKTA_AUTH } from '@okta/okta-angular';
import { PAGE_LOCATION } from './page-location';

/**
 * A page restored from the back-forward cache after its session ended is reloaded, never shown: Back
 * after a sign-out must not bring a patient's data back on screen.
 */
@Injectable({ providedIn: 'root' })
export class RestoredPage implements OnDestroy {
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly location = inject(PAGE_LOCATION);
  private readonly window = inject(DOCUMENT).defaultView;

  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && !this.oktaAuth.getAccessToken()) this.location.reload();
  };

  start(): void {
    this.window?.addEventListener('pageshow', this.onPageShow);
  }

  ngOnDestroy(): void {
    this.window?.removeEventListener('pageshow', this.onPageShow);
  }
}
