// public/config.schema.json evaluated by Ajv (a devDependency: specs only, never the app bundle), with
// each error named by the field the app's validator would name: "okta.issuer", "ehrs[0].iss".
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import configSchema from '../../public/config.schema.json';

export type Schema = Record<string, unknown>;

export const CONFIG_SCHEMA = configSchema as Schema;

// Strict: a keyword Ajv does not know fails the spec instead of passing untested. Formats ("uri")
// are annotations in draft 2020-12; the patterns say what a URL must be.
const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(
  CONFIG_SCHEMA,
);

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (error.keyword === 'required' && params.missingProperty) path.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && params.additionalProperty) {
    path.push(params.additionalProperty);
  }
  return path.reduce(
    (field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part),
    '',
  );
}

/** The fields where `value` breaks config.schema.json (empty when it conforms). */
export function schemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map(fieldOf))];
}

/** The schema node at a path of property names; "items" steps into an array's items. */
export function schemaNode(...path: string[]): Schema {
  return path.reduce(
    (node, name) =>
      name === 'items'
        ? (node['items'] as Schema)
        : (node['properties'] as Record<string, Schema>)[name],
    CONFIG_SCHEMA,
  );
}

/**
 * A copy of `base` with the field at `path` ("okta.issuer", "ehrs[0].iss") set to `value`;
 * `undefined` removes it. Missing objects on the way are created.
 */
export function withField(base: unknown, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  const parts = path.match(/[^.[\]]+/g) ?? [];
  let target = copy;
  for (const part of parts.slice(0, -1)) {
    target[part] ??= {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts[parts.length - 1]] = value;
  return JSON.parse(JSON.stringify(copy)); // JSON drops a field set to undefined
}
