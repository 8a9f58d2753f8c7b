import { Bundle, CodeableConcept, HumanName, Identifier, Reference, Resource } from './fhir-types';
import {
  formatCodeableConcept,
  formatCodeableConcepts,
  formatHumanName,
  preferredName,
} from './format-datatypes';

/** Resources a search brought along (`_include`), keyed by "Type/id" and by their fullUrl. */
export type ResolvedResources = ReadonlyMap<string, Resource>;

/** Where a reference may be found besides the server: the resource holding it and the included ones. */
export interface ReferenceContext {
  /** The resource the reference sits in, whose `contained` answers `#id`. */
  readonly referrer?: Resource;
  readonly resolved?: ResolvedResources;
}

/** Every resource of a search Bundle, matches and includes alike, for `resolveReference`. */
export function includedResources(bundle: Bundle | undefined): ResolvedResources {
  const resources = new Map<string, Resource>();
  for (const entry of bundle?.entry ?? []) {
    const resource = entry.resource;
    if (!resource?.resourceType) continue;
    if (resource.id) resources.set(`${resource.resourceType}/${resource.id}`, resource);
    if (entry.fullUrl) resources.set(entry.fullUrl, resource);
  }
  return resources;
}

// "Type/id", at the end of a relative or absolute URL, with or without a version.
const TYPE_AND_ID = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** "Practitioner/123" for a relative or absolute literal reference; undefined for urn: or '#'. */
function typeAndId(reference: string): string | undefined {
  const match = TYPE_AND_ID.exec(reference);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** The resource a reference points at, among the referrer's contained ones and the included ones. */
export function resolveReference(
  reference: Reference | undefined,
  context: ReferenceContext = {},
): Resource | undefined {
  const literal = reference?.reference?.trim();
  if (!literal) return undefined;
  if (literal.startsWith('#')) {
    const id = literal.slice(1);
    return context.referrer?.contained?.find((resource) => resource.id === id);
  }
  const resolved = context.resolved;
  if (!resolved) return undefined;
  const relative = typeAndId(literal);
  return resolved.get(literal) ?? (relative ? resolved.get(relative) : undefined);
}

/** The fields that name a resource, by the kind of thing it is. */
interface NamedResource extends Resource {
  name?: string | HumanName[];
  code?: CodeableConcept;
  vaccineCode?: CodeableConcept;
  title?: string;
  description?: string | CodeableConcept;
  deviceName?: { name?: string }[];
}

/** What people call a resource: a person's name, a place's name, a medication's or problem's code. */
export function resourceName(resource: Resource | undefined): string {
  if (!resource) return '';
  const named = resource as NamedResource;
  if (typeof named.name === 'string') return named.name.trim();
  if (Array.isArray(named.name)) return formatHumanName(preferredName(named.name));
  if (typeof named.title === 'string' && named.title.trim()) return named.title.trim();
  const concept =
    named.code ??
    named.vaccineCode ??
    (typeof named.description === 'object' ? named.description : undefined);
  const fromConcept = formatCodeableConcept(concept);
  if (fromConcept) return fromConcept;
  if (typeof named.description === 'string') return named.description.trim();
  return named.deviceName?.find((d) => d.name?.trim())?.name?.trim() ?? '';
}

/** "MRN 12345" when the identifier is typed, "system|value" when not, as FHIR writes a token. */
function formatIdentifier(identifier: Identifier | undefined): string {
  const value = identifier?.value?.trim();
  if (!value) return '';
  const type = identifier?.type;
  const typeName =
    type?.text?.trim() ||
    type?.coding?.find((c) => c.display?.trim())?.display?.trim() ||
    type?.coding?.find((c) => c.code?.trim())?.code?.trim();
  if (typeName) return `${typeName} ${value}`;
  return identifier?.system ? `${identifier.system}|${value}` : value;
}

/**
 * A reference as words: its display, else the name of the resource it points at (contained or
 * included), else its identifier, else "Type/id" without any host, else ''.
 */
export function formatReference(
  reference: Reference | undefined,
  context: ReferenceContext = {},
): string {
  if (!reference) return '';
  const display = reference.display?.trim();
  if (display) return display;
  const named = resourceName(resolveReference(reference, context));
  if (named) return named;
  const identifier = formatIdentifier(reference.identifier);
  if (identifier) return identifier;
  const literal = reference.reference?.trim();
  return (literal && typeAndId(literal)) ?? '';
}

/** Several references in words, comma-separated; those with no words are left out. */
export function formatReferences(
  list: readonly Reference[] | undefined,
  context: ReferenceContext = {},
): string {
  return (list ?? [])
    .map((r) => formatReference(r, context))
    .filter(Boolean)
    .join(', ');
}

/** What is given both ways, as R4's `reasonCode` and `reasonReference` are: the concepts, then the references. */
export function formatReasons(
  codes: readonly CodeableConcept[] | undefined,
  references: readonly Reference[] | undefined,
  context: ReferenceContext = {},
): string {
  return [formatCodeableConcepts(codes), formatReferences(references, context)]
    .filter(Boolean)
    .join(', ');
}
