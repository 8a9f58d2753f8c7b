import { HttpClient, HttpContext, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import { WITHOUT_TOKEN } from '../auth/auth-interceptor';
import { EhrEntry } from '../config/runtime-config';
import { Discovery, fromCapabilityStatement, fromSmartConfiguration } from './smart-discovery';

/** How long an EHR has to answer a discovery read before the user is told it did not. */
const DISCOVERY_TIMEOUT_MS = 10_000;

type Read =
  { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly why: string };

/**
 * Reads where an EHR signs users in. Called only for an EHR whose `iss` matched config.json: nothing is
 * ever read from an `iss` that did not. Discovery is public, so no token goes with it.
 */
@Injectable({ providedIn: 'root' })
export class EhrDiscovery {
  private readonly http = inject(HttpClient);

  /**
   * Its `.well-known/smart-configuration`; only when that cannot be read at all, its CapabilityStatement
   * (SMART 1.0 servers). A configuration that is read but unusable is not worked around.
   */
  async discover(ehr: EhrEntry): Promise<Discovery> {
    const base = ehr.iss.replace(/\/$/, '');
    const smart = await this.read(`${base}/.well-known/smart-configuration`, 'application/json');
    if (smart.ok) return fromSmartConfiguration(smart.body);
    const metadata = await this.read(`${base}/metadata`, 'application/fhir+json');
    if (metadata.ok) {
      const found = fromCapabilityStatement(metadata.body);
      if (found.ok) return found;
    }
    return {
      ok: false,
      problem: `its SMART configuration (${base}/.well-known/smart-configuration) ${smart.why}, and its CapabilityStatement names no sign-in endpoints either.`,
    };
  }

  private async read(url: string, accept: string): Promise<Read> {
    try {
      const body = await firstValueFrom(
        this.http
          .get<unknown>(url, {
            headers: { Accept: accept },
            context: new HttpContext().set(WITHOUT_TOKEN, true),
          })
          .pipe(timeout(DISCOVERY_TIMEOUT_MS)),
      );
      return { ok: true, body };
    } catch (error) {
      return { ok: false, why: failure(error) };
    }
  }
}

function failure(error: unknown): string {
  if (error instanceof TimeoutError) {
    return `did not answer within ${DISCOVERY_TIMEOUT_MS / 1000} seconds`;
  }
  if (error instanceof HttpErrorResponse && error.status > 0) {
    return error.status === 200 ? 'is not JSON' : `answered HTTP ${error.status}`;
  }
  return 'could not be reached (the network, or the EHR does not allow this app’s origin)';
}
