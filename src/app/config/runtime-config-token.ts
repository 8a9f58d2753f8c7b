import { InjectionToken } from '@angular/core';
import { RuntimeConfig } from './runtime-config';

/** The validated config.json, provided once at bootstrap (`app.config.ts`). */
export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG');
