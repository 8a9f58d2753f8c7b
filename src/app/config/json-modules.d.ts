// Lets specs import config.json, its examples and config.schema.json as data (esbuild bundles
// JSON natively); `unknown` makes each use check the shape it relies on.
declare module '*.json' {
  const value: unknown;
  export default value;
}
