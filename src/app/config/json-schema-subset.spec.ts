// A small JSON Schema (draft 2020-12) evaluator for the keywords config.schema.json uses, so the
// spec can check the schema itself without a schema library. It throws on any keyword it does not
// know: a schema change it cannot evaluate fails loudly instead of passing untested.

export type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'format',
]);

const ASSERTIONS = new Set([
  'type',
  'const',
  'enum',
  'pattern',
  'minLength',
  'minItems',
  'minimum',
  'maximum',
  'items',
  'contains',
  'required',
  'properties',
  'additionalProperties',
  'dependentRequired',
  'dependentSchemas',
  'oneOf',
  'anyOf',
  'allOf',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function join(path: string, name: string | number): string {
  return path === '' ? String(name) : `${path}.${name}`;
}

/**
 * The dotted instance paths where `value` breaks `schema` (empty when it conforms). A missing
 * required property is reported at the property's own path, like the app's validator does.
 */
export function schemaErrors(schema: Schema, value: unknown, path = ''): string[] {
  const errors: string[] = [];
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) {
      throw new Error(`json-schema-subset does not support "${keyword}" (at ${path || 'root'})`);
    }
  }
  const fail = (at = path) => errors.push(at);
  const sub = (key: string) => schema[key] as Schema;

  if ('type' in schema) {
    const types = ([] as string[]).concat(schema['type'] as string | string[]);
    if (!types.some((t) => hasType(value, t))) return [path];
  }
  if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema['const'])) fail();
  if ('enum' in schema) {
    const options = (schema['enum'] as unknown[]).map((o) => JSON.stringify(o));
    if (!options.includes(JSON.stringify(value))) fail();
  }
  if (typeof value === 'string') {
    if ('pattern' in schema && !new RegExp(schema['pattern'] as string, 'u').test(value)) fail();
    if ('minLength' in schema && [...value].length < (schema['minLength'] as number)) fail();
  }
  if (typeof value === 'number') {
    if ('minimum' in schema && value < (schema['minimum'] as number)) fail();
    if ('maximum' in schema && value > (schema['maximum'] as number)) fail();
  }
  if (Array.isArray(value)) {
    if ('minItems' in schema && value.length < (schema['minItems'] as number)) fail();
    if ('items' in schema) {
      value.forEach((item, i) => errors.push(...schemaErrors(sub('items'), item, join(path, i))));
    }
    if (
      'contains' in schema &&
      !value.some((item) => !schemaErrors(sub('contains'), item).length)
    ) {
      fail();
    }
  }
  if (isObject(value)) {
    for (const name of (schema['required'] as string[] | undefined) ?? []) {
      if (!(name in value)) fail(join(path, name));
    }
    const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
    for (const [name, item] of Object.entries(value)) {
      if (name in properties) {
        errors.push(...schemaErrors(properties[name], item, join(path, name)));
      } else if (schema['additionalProperties'] === false) {
        fail(join(path, name));
      } else if (isObject(schema['additionalProperties'])) {
        errors.push(...schemaErrors(sub('additionalProperties'), item, join(path, name)));
      }
    }
    const dependentRequired = (schema['dependentRequired'] as Record<string, string[]>) ?? {};
    for (const [name, needed] of Object.entries(dependentRequired)) {
      if (name in value) needed.filter((n) => !(n in value)).forEach((n) => fail(join(path, n)));
    }
    const dependentSchemas = (schema['dependentSchemas'] as Record<string, Schema>) ?? {};
    for (const [name, dependent] of Object.entries(dependentSchemas)) {
      if (name in value) errors.push(...schemaErrors(dependent, value, path));
    }
  }
  if ('allOf' in schema) {
    for (const part of schema['allOf'] as Schema[]) errors.push(...schemaErrors(part, value, path));
  }
  if ('anyOf' in schema) {
    const passing = (schema['anyOf'] as Schema[]).filter((s) => !schemaErrors(s, value).length);
    if (passing.length === 0) fail();
  }
  if ('oneOf' in schema) {
    const passing = (schema['oneOf'] as Schema[]).filter((s) => !schemaErrors(s, value).length);
    if (passing.length !== 1) fail();
  }
  return [...new Set(errors)];
}

describe('schemaErrors (the spec-only JSON Schema subset)', () => {
  const schema: Schema = {
    type: 'object',
    required: ['a'],
    additionalProperties: false,
    properties: {
      a: { type: 'string', pattern: '^x+$' },
      b: { oneOf: [{ type: 'array', items: { type: 'string' }, contains: { const: 'k' } }] },
      c: { type: 'boolean' },
    },
    dependentSchemas: { b: { required: ['c'], properties: { c: { const: true } } } },
  };

  it('accepts a conforming value and names each broken path', () => {
    expect(schemaErrors(schema, { a: 'xx' })).toEqual([]);
    expect(schemaErrors(schema, { a: 'xx', b: ['k'], c: true })).toEqual([]);
    expect(schemaErrors(schema, {})).toEqual(['a']);
    expect(schemaErrors(schema, { a: 'y' })).toEqual(['a']);
    expect(schemaErrors(schema, { a: 'x', z: 1 })).toEqual(['z']);
    expect(schemaErrors(schema, { a: 'x', b: ['j'], c: true })).toEqual(['b']);
    expect(schemaErrors(schema, { a: 'x', b: ['k'] })).toEqual(['c']);
    expect(schemaErrors(schema, { a: 'x', b: ['k'], c: false })).toEqual(['c']);
    expect(schemaErrors(schema, 'not an object')).toEqual(['']);
  });

  it('checks numeric bounds, inclusively', () => {
    const bounded: Schema = { type: 'number', minimum: 0, maximum: 10 };
    expect(schemaErrors(bounded, 0)).toEqual([]);
    expect(schemaErrors(bounded, 10)).toEqual([]);
    expect(schemaErrors(bounded, -0.5)).toEqual(['']);
    expect(schemaErrors(bounded, 11)).toEqual(['']);
  });

  it('refuses to evaluate a keyword it does not implement', () => {
    expect(() => schemaErrors({ maxLength: 3 }, 'abc')).toThrowError(/maxLength/);
  });
});
