import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { FhirClient } from '../fhir/fhir-client';
import {
  AllergyIntolerance,
  Bundle,
  CarePlan,
  Condition,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  Goal,
  Immunization,
  MedicationRequest,
  Observation,
  Procedure,
  Resource,
} from '../fhir/fhir-types';
import { ResolvedResources, includedResources } from '../fhir/format-reference';
import {
  PatientPage,
  PatientScope,
  notThePatientsNotice,
  onlyThePatients,
} from '../fhir/patient-compartment';
import { SearchPage, toSearchPage } from '../fhir/search-page';

/** A page of one chart section, with what its rows may name: the resources `_include` brought along. */
export interface SectionPage<T extends Resource> extends SearchPage<T>, PatientPage {
  readonly resolved: ResolvedResources;
}

/** The resource types a chart section lists, and the queries that fill them. */
export type ChartType =
  | 'Condition'
  | 'AllergyIntolerance'
  | 'MedicationRequest'
  | 'Immunization'
  | 'Procedure'
  | 'Encounter'
  | 'DiagnosticReport'
  | 'DocumentReference'
  | 'CarePlan'
  | 'Goal';

export interface ChartResources {
  Condition: Condition;
  AllergyIntolerance: AllergyIntolerance;
  MedicationRequest: MedicationRequest;
  Immunization: Immunization;
  Procedure: Procedure;
  Encounter: Encounter;
  DiagnosticReport: DiagnosticReport;
  DocumentReference: DocumentReference;
  CarePlan: CarePlan;
  Goal: Goal;
}

/** The patient's own entries of a page, matches and includes alike; another patient's are left out. */
export function toSectionPage<T extends Resource>(
  bundle: Bundle<T>,
  resourceType: T['resourceType'],
  scope: PatientScope,
): SectionPage<T> {
  const own = onlyThePatients(bundle, scope);
  const page = toSearchPage(own.bundle, resourceType);
  return {
    ...page,
    notices: [...page.notices, ...notThePatientsNotice(own.others)],
    resolved: includedResources(own.bundle),
    notThePatients: own.others,
  };
}

type FirstPage<K extends ChartType> = (
  fhir: FhirClient,
  patient: string,
) => Observable<Bundle<ChartResources[K]>>;

/**
 * Each section's first page: only what it shows, newest first where the type has a clinical date, with
 * the `_include` that brings what its rows name. Page sizes hold a typical record in one page; the
 * section pages through the server's links for the rest.
 */
const FIRST_PAGES: { readonly [K in ChartType]: FirstPage<K> } = {
  Condition: (fhir, patient) =>
    fhir.search<Condition>('Condition', { patient, _sort: '-onset-date', _count: 100 }),
  AllergyIntolerance: (fhir, patient) =>
    fhir.search<AllergyIntolerance>('AllergyIntolerance', { patient, _count: 50 }),
  MedicationRequest: (fhir, patient) =>
    fhir.search<MedicationRequest>('MedicationRequest', {
      patient,
      _sort: '-authoredon',
      _count: 50,
      _include: 'MedicationRequest:medication',
    }),
  Immunization: (fhir, patient) =>
    fhir.search<Immunization>('Immunization', { patient, _sort: '-date', _count: 50 }),
  Procedure: (fhir, patient) =>
    fhir.search<Procedure>('Procedure', { patient, _sort: '-date', _count: 50 }),
  Encounter: (fhir, patient) =>
    fhir.search<Encounter>('Encounter', { patient, _sort: '-date', _count: 20 }),
  DiagnosticReport: (fhir, patient) =>
    fhir.search<DiagnosticReport>('DiagnosticReport', {
      patient,
      _sort: '-date',
      _count: 20,
      _include: 'DiagnosticReport:result',
    }),
  DocumentReference: (fhir, patient) =>
    fhir.search<DocumentReference>('DocumentReference', { patient, _sort: '-date', _count: 20 }),
  CarePlan: (fhir, patient) => fhir.search<CarePlan>('CarePlan', { patient, _count: 20 }),
  Goal: (fhir, patient) => fhir.search<Goal>('Goal', { patient, _count: 20 }),
};

/** Every type a chart section lists. */
export const CHART_TYPES = Object.keys(FIRST_PAGES) as ChartType[];

/** The types an encounter's record lists: what references the encounter. */
export type EncounterRecordType = 'Observation' | 'Condition' | 'Procedure' | 'MedicationRequest';

export function isEncounterRecordType(type: string): type is EncounterRecordType {
  return Object.hasOwn(IN_ENCOUNTER, type);
}

interface EncounterRecordResources {
  Observation: Observation;
  Condition: Condition;
  Procedure: Procedure;
  MedicationRequest: MedicationRequest;
}

type InEncounter<K extends EncounterRecordType> = (
  fhir: FhirClient,
  patient: string,
  encounter: string,
) => Observable<Bundle<EncounterRecordResources[K]>>;

const IN_ENCOUNTER: { readonly [K in EncounterRecordType]: InEncounter<K> } = {
  Observation: (fhir, patient, encounter) =>
    fhir.search<Observation>('Observation', { patient, encounter, _count: 200 }),
  Condition: (fhir, patient, encounter) =>
    fhir.search<Condition>('Condition', { patient, encounter, _count: 100 }),
  Procedure: (fhir, patient, encounter) =>
    fhir.search<Procedure>('Procedure', { patient, encounter, _count: 50 }),
  MedicationRequest: (fhir, patient, encounter) =>
    fhir.search<MedicationRequest>('MedicationRequest', {
      patient,
      encounter,
      _count: 50,
      _include: 'MedicationRequest:medication',
    }),
};

/** The chart's searches; every one is declared in the search contract (src/app/fhir/search-contract.ts). */
@Injectable({ providedIn: 'root' })
export class ChartQueries {
  private readonly fhir = inject(FhirClient);
  private readonly fhirBase = inject(RUNTIME_CONFIG).fhir.baseUrl;

  /** A section's first page, or the page a Bundle link of it leads to. */
  section<K extends ChartType>(
    type: K,
    patientId: string,
    cursor = '',
  ): Observable<SectionPage<ChartResources[K]>> {
    const request = cursor
      ? this.fhir.getLink<ChartResources[K]>(cursor)
      : FIRST_PAGES[type](this.fhir, patientId);
    const scope = { patientId, fhirBase: this.fhirBase };
    return request.pipe(map((bundle) => toSectionPage(bundle, type, scope)));
  }

  /** What of `type` was recorded in one encounter (its first page: an encounter holds a few). */
  inEncounter<K extends EncounterRecordType>(
    type: K,
    patientId: string,
    encounterId: string,
  ): Observable<SectionPage<EncounterRecordResources[K]>> {
    const scope = { patientId, fhirBase: this.fhirBase };
    return IN_ENCOUNTER[type](this.fhir, patientId, `Encounter/${encounterId}`).pipe(
      map((bundle) => toSectionPage(bundle, type, scope)),
    );
  }
}
