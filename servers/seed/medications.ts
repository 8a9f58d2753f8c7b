import { conditions } from './catalog.ts';
import { drugs, problems, type Drug, type DrugName } from './chart-catalog.ts';
import { refTo, startOf, type ChartContext } from './encounters.ts';
import {
  SNOMED,
  UCUM,
  concept,
  conceptOf,
  hl7,
  instant,
  snomed,
  type Code,
} from './fhir-shapes.ts';
import { codeOf } from './problems.ts';
import { DEMO_PATIENT, type Episode, type Story } from './story.ts';
import type {
  Condition,
  Encounter,
  Medication,
  MedicationRequest,
  Meta,
  TimingRepeat,
} from '../../src/app/fhir/fhir-types.ts';

const forms = {
  tablet: { unit: 'tablet', ...snomed('385055001', 'Tablet (basic dose form)') },
  capsule: { unit: 'capsule', ...snomed('732937005', 'Capsule (basic dose form)') },
  inhaler: { unit: 'puff', ...snomed('420317006', 'Inhaler (basic dose form)') },
} as const;
const oral = concept(SNOMED, '26643006', 'Oral route');
const inhaled = concept(SNOMED, '447694001', 'Respiratory tract route (qualifier value)');

export const medicationId = (d: Drug): string => `med-${d.code}`;

/** The shared Medication resources that `medicationReference` points to (outside every compartment). */
export function medicationResources(meta: Meta): Medication[] {
  return Object.values(drugs).map((d: Drug) => ({
    resourceType: 'Medication',
    id: medicationId(d),
    meta,
    code: conceptOf(d),
    status: 'active',
    form: conceptOf(forms[d.form]),
  }));
}

interface Order {
  drug: DrugName;
  encounter: Encounter;
  status: 'active' | 'stopped' | 'completed';
  reason?: Code;
  stopReason?: string;
  /** Courses: how many days the sig runs. */
  days?: number;
}

/**
 * What the patient was prescribed: the chronic problems' drugs (some hypertensives first tried on a
 * thiazide that was stopped), the asthma inhalers, and the episodes' courses, completed.
 */
export function medicationRequests(
  c: ChartContext,
  story: Story,
  visitEncounters: readonly Encounter[],
  lipidEncounter: Encounter | undefined,
  episodes: readonly Episode[],
  conditionList: readonly Condition[],
): MedicationRequest[] {
  const orders: Order[] = [];
  const first = visitEncounters[0];
  const later = visitEncounters[1] ?? first;
  if (first && later && story.hypertension) {
    const reason = conditions.hypertension;
    if (c.p.index === DEMO_PATIENT || c.rnd.chance(0.4)) {
      orders.push({
        drug: 'hydrochlorothiazide',
        encounter: first,
        status: 'stopped',
        reason,
        stopReason: c.rnd.pick(['Gout flare', 'Low potassium', 'Blood pressure not controlled']),
      });
      orders.push({ drug: 'lisinopril', encounter: later, status: 'active', reason });
    } else {
      const drug = c.rnd.chance(0.6) ? 'lisinopril' : 'amlodipine';
      orders.push({ drug, encounter: first, status: 'active', reason });
    }
  }
  if (first && c.p.diabetes) {
    orders.push({
      drug: 'metformin',
      encounter: first,
      status: 'active',
      reason: conditions.diabetes,
    });
  }
  const lipid = lipidEncounter ?? first;
  if (lipid && story.hyperlipidaemia) {
    orders.push({
      drug: 'atorvastatin',
      encounter: lipid,
      status: 'active',
      reason: problems.hyperlipidaemia,
    });
  }
  if (first && story.asthma !== 'none') {
    const status = story.asthma === 'active' ? 'active' : 'completed';
    orders.push({ drug: 'albuterol', encounter: first, status, reason: problems.asthma });
    if (story.asthma === 'active') {
      orders.push({ drug: 'fluticasone', encounter: first, status, reason: problems.asthma });
    }
  }
  for (const e of episodes) {
    if (e.drug) {
      orders.push({
        drug: e.drug,
        encounter: e.encounter,
        status: 'completed',
        reason: e.problem,
        days: 7,
      });
    }
  }
  return orders.map((o) => request(c, o, conditionList));
}

function request(
  c: ChartContext,
  o: Order,
  conditionList: readonly Condition[],
): MedicationRequest {
  const d: Drug = drugs[o.drug];
  const out: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: c.nextId('medrx'),
    meta: c.meta,
    status: o.status,
  };
  if (o.stopReason) out['statusReason'] = { text: o.stopReason };
  out['intent'] = 'order';
  const setting =
    String((o.encounter['class'] as { code: string }).code) === 'IMP' ? 'inpatient' : 'outpatient';
  out['category'] = [
    hl7(
      'medicationrequest-category',
      setting,
      setting === 'inpatient' ? 'Inpatient' : 'Outpatient',
    ),
  ];
  // Long-term drugs are half the time ordered from the formulary (a Medication resource), as EHRs do.
  if (o.days === undefined && c.rnd.chance(0.5)) {
    out['medicationReference'] = { reference: `Medication/${medicationId(d)}`, display: d.display };
  } else {
    out['medicationCodeableConcept'] = conceptOf(d);
  }
  out['subject'] = c.subject;
  out['encounter'] = refTo(o.encounter);
  out['authoredOn'] = instant(startOf(o.encounter));
  out['requester'] = c.gp;
  const condition = conditionList.find((x) => codeOf(x) === o.reason?.code);
  if (condition) out['reasonReference'] = [{ ...refTo(condition), display: o.reason?.display }];
  const repeat: TimingRepeat =
    d.perDay > 0
      ? { frequency: d.perDay, period: 1, periodUnit: 'd' }
      : { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' };
  if (o.days !== undefined)
    repeat['boundsDuration'] = { value: o.days, unit: 'days', system: UCUM, code: 'd' };
  const form = forms[d.form];
  out['dosageInstruction'] = [
    {
      sequence: 1,
      text: d.text,
      timing: { repeat },
      ...(d.perDay === 0 ? { asNeededBoolean: true } : {}),
      route: d.form === 'inhaler' ? inhaled : oral,
      doseAndRate: [
        {
          type: hl7('dose-rate-type', 'ordered', 'Ordered'),
          doseQuantity: { value: d.dose, unit: form.unit, system: UCUM, code: `{${form.unit}}` },
        },
      ],
    },
  ];
  return out;
}
