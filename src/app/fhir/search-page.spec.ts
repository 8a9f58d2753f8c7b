import { Bundle, OperationOutcome, Patient } from './fhir-types';
import { describeResultSize, isPastTheEnd, toSearchPage } from './search-page';

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
      totalIsEstimate: false,
      nextLink: undefined,
      previousLink: undefined,
      notices: [],
      unsorted: false,
    });
  });
});

describe('what a list says about its size', () => {
  const noun = { one: 'patient', many: 'patients' };
  const some = [{ resourceType: 'Patient' as const, id: 'p1' }];

  it('gives the count when the server sends one', () => {
    expect(describeResultSize({ total: 1, resources: some, nextLink: undefined }, 1, noun)).toBe(
      '1 patient',
    );
    expect(describeResultSize({ total: 120, resources: some, nextLink: 'n' }, 1, noun)).toBe(
      '120 patients',
    );
  });

  it('says "about" a total the server marks as its estimate, and only then', () => {
    const estimated: Bundle<Patient> = {
      resourceType: 'Bundle',
      total: 100,
      link: [{ relation: 'self', url: 'https://fhir.example.com/fhir/Patient?_total=estimate' }],
    };
    const page = toSearchPage(estimated, 'Patient');
    expect(page.totalIsEstimate).toBeTrue();
    expect(describeResultSize(page, 1, noun)).toBe("About 100 patients (the server's estimate)");
    const counted = { ...estimated, link: [{ relation: 'self', url: 'Patient?_total=accurate' }] };
    expect(toSearchPage(counted, 'Patient').totalIsEstimate).toBeFalse();
  });

  it('without a total, says where paging stands instead of inventing a number', () => {
    expect(describeResultSize({ total: undefined, resources: some, nextLink: 'n' }, 1, noun)).toBe(
      'More patients on the next page (the server does not count them).',
    );
    expect(
      describeResultSize({ total: undefined, resources: some, nextLink: undefined }, 3, noun),
    ).toBe('The last page (the server does not count patients).');
    expect(
      describeResultSize({ total: undefined, resources: some, nextLink: undefined }, 1, noun),
    ).toBe('All patients are on this page (the server does not count them).');
  });

  it('an empty page after the first is the end of the list, never "no results"', () => {
    const empty = { total: undefined, resources: [], nextLink: undefined };
    expect(describeResultSize(empty, 2, noun)).toContain("the server's next page was empty");
    expect(isPastTheEnd(empty, 2)).toBeTrue();
    expect(isPastTheEnd(empty, 1)).toBeFalse();
  });
});
