import { generateResources, type SeedOptions } from '../seed/generate.ts';
import type { Resource } from '../../src/app/fhir/fhir-types.ts';
import type { FhirStore } from './store/store.ts';

export interface SeedReport {
  resources: number;
  ms: number;
}

/** Loads the synthetic data in one transaction: all of it, or (after a crash) none of it. */
export function seedStore(store: FhirStore, options: SeedOptions): SeedReport {
  return loadResources(store, generateResources(options));
}

/** Puts generated resources in one transaction, then refreshes the planner's statistics. */
export function loadResources(store: FhirStore, resources: Iterable<Resource>): SeedReport {
  const started = performance.now();
  let count = 0;
  store.transaction(() => {
    for (const resource of resources) {
      store.put(resource, { keepMeta: true });
      count++;
    }
  });
  // Fresh statistics let SQLite pick the patient index over the code index for mixed searches.
  store.db.exec('ANALYZE');
  return { resources: count, ms: Math.round(performance.now() - started) };
}
