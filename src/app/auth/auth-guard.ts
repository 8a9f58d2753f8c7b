import { inject } from '@angular/core';
import { CanActivateFn } from '@angular/router';
import { OktaAuthGuard } from '@okta/okta-angular';

/** Functional form of okta-angular's class guard (stores originalUri, then onAuthRequired). */
export const authGuard: CanActivateFn = (route, state) =>
  inject(OktaAuthGuard).canActivate(route, state);
