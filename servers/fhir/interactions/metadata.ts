import type { Request, Response } from 'express';
import { defaults, readableTypes, isSearchableType, type SearchableType } from '../config.ts';
import { sendFhir } from '../respond.ts';
import { clinicalIncludes } from '../search/clinical-params.ts';
import type { ParamDefinition } from '../search/param-definitions.ts';
import { modifierDocumentation, resultParams, searchParams, sortKeys } from '../search/params.ts';

/** `GET /metadata`: exactly what this server supports, generated from the same tables it runs on. */
export function capabilityStatement(baseUrl: string, issuer: string): object {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-01',
    kind: 'instance',
    software: { name: 'fhirokta local FHIR server', version: '0.1.0' },
    implementation: { description: 'Local SMART-enforcing FHIR R4 server', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          `Pages hold ${defaults.defaultCount} entries unless _count says otherwise; _count is capped at ` +
          `${defaults.maxCount}. Paging uses _offset in the next/previous links. Unknown parameters are ` +
          'ignored (and left out of the self link) unless Prefer: handling=strict is sent. Request ' +
          `URLs may have at most ${defaults.maxUrlLength} characters; longer ones get 414.`,
        security: {
          cors: true,
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: `${issuer}/v1/authorize` },
                { url: 'token', valueUri: `${issuer}/v1/token` },
                { url: 'revoke', valueUri: `${issuer}/v1/revoke` },
              ],
            },
          ],
        },
        resource: readableTypes.map((type) => {
          const searchable = isSearchableType(type);
          return {
            type,
            interaction: searchable
              ? [{ code: 'read' }, { code: 'search-type' }]
              : [{ code: 'read' }],
            versioning: 'versioned',
            readHistory: false,
            updateCreate: true,
            searchInclude:
              type === 'Observation'
                ? ['Observation:subject', 'Observation:patient']
                : clinicalIncludes(type).length > 0
                  ? clinicalIncludes(type)
                  : undefined,
            searchParam: searchable ? searchParamsOf(type) : undefined,
          };
        }),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}

/**
 * The filters, then the result parameters. R4 has no element for result parameters, so they are
 * listed as searchParams of type `special` (not an ordinary filter) without a definition. `_sort`'s
 * documentation ends with the type's keys after the last colon ("...: name | birthdate | _id"),
 * which is how a client (the app's contract test, for one) reads them.
 */
function searchParamsOf(type: SearchableType): object[] {
  const filters = [...searchParams[type]].map(([name, p]) => ({
    name,
    type: p.fhirType,
    documentation: documentation(p),
  }));
  const results = [...resultParams].map(([name, text]) => ({
    name,
    type: 'special',
    documentation: name === '_sort' ? `${text}: ${sortKeys[type].join(' | ')}` : text,
  }));
  return [...filters, ...results];
}

/**
 * R4's CapabilityStatement has no field for modifiers, so the documentation names each one the
 * parser accepts (from the same definition), e.g. "...; :text matches the start of any word ...".
 */
function documentation(p: ParamDefinition): string {
  const modifiers = p.modifiers.map((m) => `; :${m} matches ${modifierDocumentation.get(m) ?? m}`);
  return `${p.documentation}${modifiers.join('')}`;
}

export function metadata(baseUrl: string, issuer: string) {
  const body = JSON.stringify(capabilityStatement(baseUrl, issuer));
  return (_req: Request, res: Response): void => sendFhir(res, 200, body);
}
