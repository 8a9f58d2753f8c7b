// The production build's JavaScript and CSS, raw and gzip, and whether index.html loads each up front.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const distDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../dist/fhirokta/browser');

export interface BundleAsset {
  file: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

/** Initial assets first, then the largest: read from dist/, so run after `npm run build`. */
export function bundleAssets(): BundleAsset[] {
  const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
  const assets = readdirSync(distDir)
    .filter((name) => /\.(js|css)$/.test(name) && statSync(join(distDir, name)).isFile())
    .map((file) => {
      const content = readFileSync(join(distDir, file));
      return {
        file,
        raw: content.length,
        gzip: gzipSync(content, { level: 9 }).length,
        initial: indexHtml.includes(file),
      };
    });
  return assets.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const total = (assets: readonly BundleAsset[], key: 'raw' | 'gzip'): number =>
  assets.reduce((sum, asset) => sum + asset[key], 0);
