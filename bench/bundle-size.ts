// Prints the production bundle's sizes, raw and gzip: what index.html loads up front, and each lazy chunk.
// Run after `npm run build`: `node --import tsx bench/bundle-size.ts`.
import { bundleAssets, kb, total } from './bundle-assets.ts';

const rows = bundleAssets();
const initial = rows.filter((row) => row.initial);

process.stdout.write(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  loaded\n`);
for (const row of rows) {
  process.stdout.write(
    `${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)}  ${row.initial ? 'initial' : 'lazy'}\n`,
  );
}
process.stdout.write(
  `\ninitial total: ${kb(total(initial, 'raw'))} raw, ${kb(total(initial, 'gzip'))} gzip\n`,
);
process.stdout.write(
  `all assets:    ${kb(total(rows, 'raw'))} raw, ${kb(total(rows, 'gzip'))} gzip\n`,
);
