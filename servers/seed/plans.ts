import { bpPanel, conditions, labs, vitals } from './catalog.ts';
import { problems, type Code } from './chart-catalog.ts';
import { refTo, type ChartContext } from './encounters.ts';
import { LOINC, SNOMED, UCUM, concept, day, hl7 } from './fhir-shapes.ts';
import { codeOf } from './problems.ts';
import type { CarePlan, Condition, Goal, Observation } from '../../src/app/fhir/fhir-types.ts';

const DAY = 86_400_000;

interface PlanShape {
  condition: Code;
  category: Code;
  activities: readonly Code[];
  goal?: {
    text: string;
    measure: Code;
    high: number;
    unit: string;
    value: (o: Observation) => number | undefined;
  };
}

const valueOf = (o: Observation): number | undefined =>
  (o['valueQuantity'] as { value?: number } | undefined)?.value;
const systolicOf = (o: Observation): number | undefined =>
  (o['component'] as { valueQuantity: { value: number } }[] | undefined)?.[0]?.valueQuantity.value;

const shapes: readonly PlanShape[] = [
  {
    condition: conditions.diabetes,
    category: { code: '698360004', display: 'Diabetes self management plan' },
    activities: [
      { code: '160670007', display: 'Diabetic diet' },
      { code: '229065009', display: 'Exercise therapy' },
    ],
    goal: {
      text: 'Hemoglobin A1c below 7.0%',
      measure: { code: labs.hba1c.loinc, display: labs.hba1c.display },
      high: 7,
      unit: '%',
      value: valueOf,
    },
  },
  {
    condition: conditions.hypertension,
    category: { code: '443402002', display: 'Lifestyle education regarding hypertension' },
    activities: [{ code: '386463000', display: 'Prescribed activity/exercise education' }],
    goal: {
      text: 'Systolic blood pressure below 140 mmHg',
      measure: { code: bpPanel.loinc, display: bpPanel.display },
      high: 140,
      unit: 'mm[Hg]',
      value: systolicOf,
    },
  },
  {
    condition: problems.asthma,
    category: { code: '699728000', display: 'Asthma self management' },
    activities: [{ code: '710081004', display: 'Smoking cessation therapy' }],
  },
  {
    condition: conditions.obesity,
    category: { code: '718361005', display: 'Weight management program' },
    activities: [{ code: '226234005', display: 'Healthy diet' }],
    goal: {
      text: 'Body mass index below 30 kg/m2',
      measure: { code: vitals.bmi.loinc, display: vitals.bmi.display },
      high: 30,
      unit: 'kg/m2',
      value: valueOf,
    },
  },
];

/**
 * A care plan for each chronic problem on the list that has one, with its measurable goal; the goal's
 * achievement status is read off the patient's own measurements (first against last).
 */
export function carePlans(
  c: ChartContext,
  conditionList: readonly Condition[],
  observations: readonly Observation[],
  end: Date,
): (CarePlan | Goal)[] {
  const out: (CarePlan | Goal)[] = [];
  for (const shape of shapes) {
    const condition = conditionList.find(
      (x) =>
        codeOf(x) === shape.condition.code &&
        (x['clinicalStatus'] as { coding: { code: string }[] } | undefined)?.coding[0]?.code ===
          'active',
    );
    if (!condition) continue;
    const start = String(condition['onsetDateTime']);
    let goal: Goal | undefined;
    if (shape.goal) {
      const g = shape.goal;
      const values = observations
        .filter((o) => codeOf(o) === g.measure.code)
        .map(g.value)
        .filter((v): v is number => v !== undefined);
      const [first, last] = [values[0], values.at(-1)];
      const achievement =
        last === undefined || first === undefined
          ? { code: 'in-progress', display: 'In Progress' }
          : last < g.high
            ? { code: 'achieved', display: 'Achieved' }
            : last < first
              ? { code: 'improving', display: 'Improving' }
              : { code: 'worsening', display: 'Worsening' };
      goal = {
        resourceType: 'Goal',
        id: c.nextId('goal'),
        meta: c.meta,
        lifecycleStatus: 'active',
        achievementStatus: hl7('goal-achievement', achievement.code, achievement.display),
        category: [hl7('goal-category', 'dietary', 'Dietary')],
        description: { text: g.text },
        subject: c.subject,
        startDate: start,
        target: [
          {
            measure: concept(LOINC, g.measure.code, g.measure.display),
            detailQuantity: {
              value: g.high,
              comparator: '<',
              unit: g.unit,
              system: UCUM,
              code: g.unit,
            },
            dueDate: day(new Date(end.getTime() + 180 * DAY)),
          },
        ],
        addresses: [refTo(condition)],
      };
    }
    out.push({
      resourceType: 'CarePlan',
      id: c.nextId('cp'),
      meta: c.meta,
      status: 'active',
      intent: 'plan',
      category: [
        concept(
          'http://hl7.org/fhir/us/core/CodeSystem/careplan-category',
          'assess-plan',
          'Assessment and Plan of Treatment',
        ),
        concept(SNOMED, shape.category.code, shape.category.display),
      ],
      title: shape.category.display,
      subject: c.subject,
      period: { start },
      author: c.gp,
      addresses: [refTo(condition)],
      ...(goal ? { goal: [refTo(goal)] } : {}),
      activity: shape.activities.map((a) => ({
        detail: {
          code: concept(SNOMED, a.code, a.display),
          status: 'in-progress',
          performer: [c.gp],
        },
      })),
    });
    if (goal) out.push(goal);
  }
  return out;
}
