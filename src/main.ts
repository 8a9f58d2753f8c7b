import { bootstrapApplication } from '@angular/platform-browser';
import { createAppConfig } from './app/app.config';
import { renderConfigErrorPage } from './app/config/config-error-page';
import { loadRuntimeConfig } from './app/config/load-config';
import { ensurePageStorage } from './app/launch/page-storage';
import { AppShell } from './app/shell/app-shell';

async function start(): Promise<void> {
  // Inside an EHR's page a browser may refuse storage: the app still starts, to say what to do.
  ensurePageStorage(window);
  const result = await loadRuntimeConfig();
  if (!result.ok) {
    renderConfigErrorPage(document.body, result.problems);
    return;
  }
  try {
    await bootstrapApplication(AppShell, createAppConfig(result.config));
  } catch {
    // Never log: the error may carry tokens or PHI. Show a static page instead of a blank one.
    renderConfigErrorPage(document.body, [
      {
        field: '(startup)',
        message: 'the app failed to start',
        fix: 'Check okta.issuer and okta.clientId in config.json, then reload.',
      },
    ]);
  }
}

void start();
