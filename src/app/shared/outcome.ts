/**
 * What a check comes to: what it accepted, or why not, each side with fields named for what it holds,
 * e.g. `Outcome<{ config: RuntimeConfig }, { problems: readonly ConfigProblem[] }>`. `ok` tells them
 * apart, so a caller reaches the accepted fields only after testing it.
 *
 * Types only: the doctor (Node) reads the config validator, which uses this.
 */
export type Outcome<Accepted extends object, Refused extends object> =
  ({ readonly ok: true } & Readonly<Accepted>) | ({ readonly ok: false } & Readonly<Refused>);
