import { DOCUMENT, InjectionToken, inject } from '@angular/core';

/**
 * Storage that lasts as long as the page: for a page the browser lets keep nothing. Inside an EHR's page
 * on another site, a browser that blocks third-party cookies also refuses `sessionStorage` and
 * `localStorage` (reading them throws); the app must still start there, to say what to do.
 */
export class PageMemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }
}

function usable(read: () => Storage): boolean {
  try {
    read().getItem('fhirokta.probe');
    return true;
  } catch {
    return false;
  }
}

/**
 * Called once before the app starts (main.ts): where the browser refuses the page its storage, the page
 * gets memory in its place, under the same names, so that nothing (okta-auth-js included) fails to start.
 * True when the browser's own storage is there.
 */
export function ensurePageStorage(win: Window): boolean {
  let kept = true;
  for (const name of ['sessionStorage', 'localStorage'] as const) {
    if (usable(() => win[name])) continue;
    Object.defineProperty(win, name, { value: new PageMemoryStorage(), configurable: true });
    kept = false;
  }
  return kept;
}

/**
 * Whether what the page stores outlives a page load. A sign-in leaves the page for the EHR and comes
 * back to a new one; without storage that lasts, the code verifier would be gone by then.
 */
export const PAGE_STORAGE_LASTS = new InjectionToken<boolean>('PAGE_STORAGE_LASTS', {
  providedIn: 'root',
  factory: () => !(inject(DOCUMENT).defaultView?.sessionStorage instanceof PageMemoryStorage),
});
