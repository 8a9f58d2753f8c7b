import { bpPanel, conditions, labs, vitals, type Measure } from './catalog.ts';
import { problems } from './chart-catalog.ts';
import { refTo, type ChartContext } from './encounters.ts';
import { UCUM, concept, conceptOf, day, hl7, snomed, type Code } from './fhir-shapes.ts';
import { codeOf } from './problems.ts';
import type { CarePlan, Condition, Goal, Observation } from '../../src/app/fhir/fhir-types.ts';

const DAY = 86_400_000;

interface PlanShape {
  condition: Code;
  category: Code;
  activities: readonly Code[];
  goal?: {
    text: string;
    /** What the goal targets (its LOINC code), in the unit it is measured in. */
    measure: Pick<Measure, keyof Code | 'unit'>;
    high: number;
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
    category: snomed('698360004', 'Diabetes self management plan'),
    activities: [snomed('160670007', 'Diabetic diet'), snomed('229065009', 'Exercise therapy')],
    goal: {
      text: 'Hemoglobin A1c below 7.0%',
      measure: labs.hba1c,
      high: 7,
      value: valueOf,
    },
  },
  {
    condition: conditions.hypertension,
    category: snomed('443402002', 'Lifestyle education regarding hypertension'),
    activities: [snomed('386463000', 'Prescribed activity/exercise education')],
    goal: {
      text: 'Systolic blood pressure below 140 mmHg',
      // The goal targets the panel; its value and unit are the systolic part's.
      measure: { ...bpPanel, unit: vitals.systolic.unit },
      high: 140,
      value: systolicOf,
    },
  },
  {
    condition: problems.asthma,
    category: snomed('699728000', 'Asthma self management'),
    activities: [snomed('710081004', 'Smoking cessation therapy')],
  },
  {
    condition: conditions.obesity,
    category: snomed('718361005', 'Weight management program'),
    activities: [snomed('226234005', 'Healthy diet')],
    goal: {
      text: 'Body mass index below 30 kg/m2',
      measure: vitals.bmi,
      high: 30,
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
            measure: conceptOf(g.measure),
            detailQuantity: {
              value: g.high,
              comparator: '<',
              unit: g.measure.unit,
              system: UCUM,
              code: g.measure.unit,
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
        conceptOf(shape.category),
      ],
      title: shape.category.display,
      subject: c.subject,
      period: { start },
      author: c.gp,
      addresses: [refTo(condition)],
      ...(goal ? { goal: [refTo(goal)] } : {}),
      activity: shape.activities.map((a) => ({
        detail: {
          code: conceptOf(a),
          status: 'in-progress',
          performer: [c.gp],
        },
      })),
    });
    if (goal) out.push(goal);
  }
  return out;
}
