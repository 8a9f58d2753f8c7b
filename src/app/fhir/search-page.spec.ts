import { Bundle, OperationOutcome, Patient } from './fhir-types';
import { toSearchPage } from './search-page';

describe('A search page', () => {
  const next = 'https://fhir.example.com/fhir/Patient?_offset=20';
  const previous = 'https://fhir.example.com/fhir/Patient?_offset=0';
  const bundle: Bundle<Patient> = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 41,
    link: [
      { relation: 'next', url: next },
      { relation: 'prev', url: previous },
    ],
    entry: [
      { resource: { resourceType: 'Patient', id: 'p1' }, search: { mode: 'match' } },
      {
        resource: { resourceType: 'Organization', id: 'org' } as unknown as Patient,
        search: { mode: 'match' },
      },
      {
        resource: {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'warning', diagnostics: "Ignored: 'colour'" }],
        } as OperationOutcome as unknown as Patient,
        search: { mode: 'outcome' },
      },
    ],
  };

  it('lists only the matches of the type searched for, with the total and paging links', () => {
    const page = toSearchPage(bundle, 'Patient');
    expect(page.resources.map((p) => p.id)).toEqual(['p1']);
    expect(page.total).toBe(41);
    expect(page.nextLink).toBe(next);
    expect(page.previousLink).toBe(previous);
  });

  it("keeps the server's notes on the search", () => {
    expect(toSearchPage(bundle, 'Patient').notices).toEqual(["Ignored: 'colour'"]);
  });

  it('has no total or links when the server gave none', () => {
    const page = toSearchPage({ resourceType: 'Bundle' }, 'Patient');
    expect(page).toEqual({
      resources: [],
      total: undefined,
      nextLink: undefined,
      previousLink: undefined,
      notices: [],
    });
  });
});
