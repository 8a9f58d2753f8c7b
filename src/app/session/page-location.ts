import { InjectionToken } from '@angular/core';

/**
 * The page's own navigation, behind a token so tests can watch it. A full page load is how a tab
 * drops every trace of a session: the DOM, every service's memory, and Angular's state.
 */
export interface PageLocation {
  /** Loads `path` in place of the current history entry: Back does not return to it. */
  replace(path: string): void;
  reload(): void;
  /** Leaves for `url` (another site's sign-in), keeping this page in the history. */
  assign(url: string): void;
}

export const PAGE_LOCATION = new InjectionToken<PageLocation>('PAGE_LOCATION', {
  providedIn: 'root',
  factory: () => ({
    replace: (path) => window.location.replace(path),
    reload: () => window.location.reload(),
    assign: (url) => window.location.assign(url),
  }),
});
