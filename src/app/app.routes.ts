import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { OktaCallbackComponent } from '@okta/okta-angular';
import { ownRecordGuard } from './auth/access-context';
import { authGuard } from './auth/auth-guard';
import { EHR_SESSION } from './fhir/fhir-session';

export const routes: Routes = [
  // The callback of an EHR's authorization request (the page load belongs to that EHR's session).
  {
    path: 'login/callback',
    canMatch: [() => inject(EHR_SESSION) !== undefined],
    loadComponent: () => import('./launch/ehr-callback').then((m) => m.EhrCallback),
  },
  { path: 'login/callback', component: OktaCallbackComponent },
  {
    path: 'launch',
    pathMatch: 'full',
    title: 'Opening from your EHR · fhirokta',
    loadComponent: () => import('./launch/launch-page').then((m) => m.LaunchPage),
  },
  {
    path: 'launch/error',
    title: 'Could not open · fhirokta',
    loadComponent: () => import('./launch/launch-error-page').then((m) => m.LaunchErrorPage),
  },
  {
    path: 'login',
    title: 'Sign in · fhirokta',
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'patients',
    title: 'Patients · fhirokta',
    canActivate: [authGuard, ownRecordGuard],
    loadComponent: () => import('./patients/patients-page').then((m) => m.PatientsPage),
  },
  {
    path: 'patients/:id',
    title: 'Patient chart · fhirokta',
    canActivate: [authGuard, ownRecordGuard],
    loadComponent: () => import('./chart/chart-page').then((m) => m.ChartPage),
  },
  {
    path: 'observations/:id',
    title: 'Observations · fhirokta',
    canActivate: [authGuard, ownRecordGuard],
    loadComponent: () => import('./observations/observations-page').then((m) => m.ObservationsPage),
  },
  {
    path: 'token',
    title: 'Token inspector · fhirokta',
    canActivate: [authGuard],
    loadComponent: () => import('./auth/token-inspector').then((m) => m.TokenInspector),
  },
  { path: '', pathMatch: 'full', redirectTo: 'patients' },
  { path: '**', redirectTo: 'patients' },
];
