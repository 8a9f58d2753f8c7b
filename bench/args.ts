/** The command-line options every benchmark reads: `--name value` and bare `--flag`. */
const args = process.argv.slice(2);

/** The value after `--name`, or `fallback` when the option is absent. */
export function option(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
}

/** A positive number after `--name`; anything else is a usage error, not a silent NaN. */
export function positiveOption(name: string, fallback: number): number {
  const raw = option(name, String(fallback));
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number (got ${raw})`);
  return value;
}

export function flag(name: string): boolean {
  return args.includes(`--${name}`);
}
