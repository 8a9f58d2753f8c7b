import { generateResources, type SeedOptions } from '../seed/generate.ts';
import type { FhirStore } from './store/store.ts';

export interface SeedReport {
  resources: number;
  ms: number;
}

/** Loads the synthetic data in one transaction: all of it, or (after a crash) none of it. */
export function seedStore(store: FhirStore, options: SeedOptions): SeedReport {
  const started = performance.now();
  let resources = 0;
  store.transaction(() => {
    for (const resource of generateResources(options)) {
      store.put(resource, { keepMeta: true });
      resources++;
    }
  });
  // Fresh statistics let SQLite pick the patient index over the code index for mixed searches.
  store.db.exec('ANALYZE');
  return { resources, ms: Math.round(performance.now() - started) };
}
