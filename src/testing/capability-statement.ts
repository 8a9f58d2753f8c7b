// CapabilityStatements for the specs: a server that searches these types, listing these parameters.

/** A type the server searches; `searchParam` left out means the statement lists none for it. */
export interface StatedType {
  readonly type: string;
  readonly searchParam?: readonly { readonly name: string; readonly documentation?: string }[];
}

/** A server-mode statement offering search of each type, as real servers write one. */
export function statementSearching(types: readonly StatedType[]): object {
  return {
    resourceType: 'CapabilityStatement',
    rest: [
      {
        mode: 'server',
        resource: types.map(({ type, searchParam }) => ({
          type,
          interaction: [{ code: 'search-type' }],
          ...(searchParam ? { searchParam } : {}),
        })),
      },
    ],
  };
}
