import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_TEMPLATE, FIVE_STAGES_TEMPLATE } from './lifecycle.contract.ts';
import {
  milestoneClassOf,
  milestonesOf,
  nodeKeyOf,
  planMilestoneImport,
  type Oc4idsLifecycleSource,
} from './oc4ids.milestones.ts';

const definition = DEFAULT_LIFECYCLE_TEMPLATE.definition;
const TODAY = '2021-05-20';

const source: Oc4idsLifecycleSource = {
  today: TODAY,
  definition,
  nodes: [
    {
      key: 'proposal_feasibility',
      name: '项目建议书及可研',
      stageCode: 'preparation',
      stepCode: 'proposal_feasibility',
      plannedEnd: '2021-03-31',
      actualEnd: '2021-04-02',
    },
    {
      key: 'approval_land_planning',
      name: '立项用地规划许可',
      stageCode: 'preparation',
      stepCode: 'approval_land_planning',
      plannedEnd: '2021-05-19',
      actualEnd: null,
    },
    { key: 'started', name: '开工', stageCode: 'started', stepCode: null, plannedEnd: '2021-05-20', actualEnd: null },
    { key: 'custom_1', name: '设备安装', stageCode: null, stepCode: null, plannedEnd: '2021-09-30', actualEnd: null },
  ],
  transitions: [
    {
      id: 9,
      stageCode: 'preparation',
      stepCode: 'proposal_feasibility',
      phase: 'preparation',
      occurredOn: '2021-01-05',
      source: 'manual',
      definition,
    },
    {
      id: 3,
      stageCode: 'reserve',
      stepCode: null,
      phase: 'reserve',
      occurredOn: '2020-11-02',
      source: 'create',
      definition,
    },
    {
      id: 4,
      stageCode: 'reserve',
      stepCode: 'investment_agreement',
      phase: 'reserve',
      occurredOn: '2020-12-01',
      source: 'manual',
      definition,
    },
    {
      id: 5,
      stageCode: 'preparation',
      stepCode: null,
      phase: 'preparation',
      occurredOn: '2021-05-21',
      source: 'manual',
      definition,
    },
    {
      id: 6,
      stageCode: 'construction',
      stepCode: null,
      phase: 'construction',
      occurredOn: '2021-05-01',
      source: 'import',
      definition,
    },
  ],
};

describe('milestone types', () => {
  it('classes preparation steps, studies and delivery stages from the codelist', () => {
    expect(milestoneClassOf('reserve', 'investment_agreement')).toEqual({ type: 'approval' });
    expect(milestoneClassOf('preparation', 'proposal_feasibility')).toEqual({ type: 'preProcurement' });
    expect(milestoneClassOf('preparation', 'design_drawings')).toEqual({ type: 'preProcurement' });
    expect(milestoneClassOf('preparation', 'approval_land_planning')).toEqual({
      type: 'approval',
      code: 'projectApproval',
    });
    expect(milestoneClassOf('preparation', 'site_preparation')).toEqual({ type: 'approval' });
    expect(milestoneClassOf('started', null)).toEqual({ type: 'delivery', code: 'commencement' });
    expect(milestoneClassOf('completed', null)).toEqual({ type: 'delivery', code: 'completion' });
    expect(milestoneClassOf('production', null)).toEqual({ type: 'delivery' });
    expect(milestoneClassOf('construction', 'groundbreaking')).toEqual({ type: 'delivery', code: 'commencement' });
    expect(milestoneClassOf('preparation', 'constructor')).toEqual({ type: 'approval' });
  });
});

describe('milestonesOf', () => {
  const milestones = milestonesOf(source);

  it('writes the plan nodes with due date, date met and a status judged on the application date', () => {
    expect(milestones.slice(0, 4)).toEqual([
      {
        id: 'proposal_feasibility',
        title: '项目建议书及可研',
        type: 'preProcurement',
        dueDate: '2021-03-31T00:00:00+08:00',
        dateMet: '2021-04-02T00:00:00+08:00',
        dateModified: '2021-05-20T00:00:00+08:00',
        status: 'met',
      },
      {
        id: 'approval_land_planning',
        title: '立项用地规划许可',
        type: 'approval',
        code: 'projectApproval',
        dueDate: '2021-05-19T00:00:00+08:00',
        dateModified: '2021-05-20T00:00:00+08:00',
        status: 'notMet',
      },
      {
        id: 'started',
        title: '开工',
        type: 'delivery',
        code: 'commencement',
        dueDate: '2021-05-20T00:00:00+08:00',
        dateModified: '2021-05-20T00:00:00+08:00',
        status: 'scheduled',
      },
      {
        id: 'custom_1',
        title: '设备安装',
        dueDate: '2021-09-30T00:00:00+08:00',
        dateModified: '2021-05-20T00:00:00+08:00',
        status: 'scheduled',
      },
    ]);
  });

  it('adds the transitions no node covers as met milestones, by date, without imported or future ones', () => {
    expect(milestones.slice(4)).toEqual([
      {
        id: 'lifecycle-3',
        title: '进入：储备',
        type: 'preProcurement',
        description: '项目进入该阶段（环节）的日期，来自项目的全生命周期记录。',
        dueDate: '2020-11-02T00:00:00+08:00',
        dateMet: '2020-11-02T00:00:00+08:00',
        dateModified: '2021-05-20T00:00:00+08:00',
        status: 'met',
      },
      expect.objectContaining({ id: 'lifecycle-4', title: '进入：签订投资协议', type: 'approval', status: 'met' }),
    ]);
  });

  it('gives a project without plan or history no milestones', () => {
    expect(milestonesOf({ ...source, nodes: [], transitions: [] })).toEqual([]);
  });
});

describe('planMilestoneImport', () => {
  it('makes sanitised unique keys', () => {
    const taken = new Set(['m_1', 'phase_1']);
    expect(nodeKeyOf('Phase 1!', 0, taken)).toBe('phase_1_2');
    expect(nodeKeyOf('里程碑', 0, taken)).toBe('m_1_2');
    expect(nodeKeyOf('里程碑', 4, taken)).toBe('m_5');
    expect(nodeKeyOf('x'.repeat(80), 0, new Set(['x'.repeat(60)]))).toBe(`${'x'.repeat(58)}_2`);
  });

  it('turns milestones into draft nodes and reports those with bad dates', () => {
    const plan = planMilestoneImport(
      [
        {
          id: '1',
          title: 'Grant disbursement',
          status: 'met',
          dueDate: '2016-01-01T00:00:00Z',
          dateMet: '2016-01-01T00:00:00Z',
          type: 'payment',
        },
        {
          id: 'proposal_feasibility',
          title: '项目建议书及可研',
          dueDate: '2021-03-31T00:00:00+08:00',
          status: 'scheduled',
        },
        { id: 'Started', dueDate: '2021-06-01T00:00:00+08:00', status: 'partiallyMet' },
        { id: 'no-due', title: 'x', dateMet: '2021-01-01T00:00:00Z' },
        { id: 'bad', dueDate: '2021-02-30T00:00:00Z' },
        { id: 'bad-met', dueDate: '2021-02-01T00:00:00Z', dateMet: '2021/02/01' },
        { id: 'future', dueDate: '2021-02-01T00:00:00Z', dateMet: '2021-05-21T00:00:00+08:00' },
      ],
      TODAY,
      definition,
    );
    expect(plan.targetDate).toBe('2021-06-01');
    expect(plan.nodes).toEqual([
      {
        key: '1',
        name: 'Grant disbursement',
        stageCode: null,
        stepCode: null,
        plannedStart: '2016-01-01',
        plannedEnd: '2016-01-01',
        actualEnd: '2016-01-01',
        status: 'done',
        sortOrder: 0,
      },
      {
        key: 'proposal_feasibility',
        name: '项目建议书及可研',
        stageCode: 'preparation',
        stepCode: 'proposal_feasibility',
        plannedStart: '2021-03-31',
        plannedEnd: '2021-03-31',
        actualEnd: null,
        status: 'pending',
        sortOrder: 1,
      },
      {
        key: 'started',
        name: 'Started',
        stageCode: 'started',
        stepCode: null,
        plannedStart: '2021-06-01',
        plannedEnd: '2021-06-01',
        actualEnd: null,
        status: 'in_progress',
        sortOrder: 2,
      },
    ]);
    expect(plan.rejected).toEqual([
      { id: 'no-due', reason: 'dueDate.missing' },
      { id: 'bad', reason: 'dueDate.invalid' },
      { id: 'bad-met', reason: 'dateMet.invalid' },
      { id: 'future', reason: 'dateMet.future' },
    ]);
  });

  it('places keys on the template given (five stages) and stops at the node limit', () => {
    const many = Array.from({ length: 202 }, (_, i) => ({ id: `n${i.toString()}`, dueDate: '2021-01-01T00:00:00Z' }));
    const plan = planMilestoneImport(
      [{ id: 'land_use', dueDate: '2021-01-01T00:00:00Z' }, ...many],
      TODAY,
      FIVE_STAGES_TEMPLATE.definition,
    );
    expect(plan.nodes[0]).toMatchObject({ stageCode: 'approvals', stepCode: 'land_use' });
    expect(plan.nodes).toHaveLength(200);
    expect(plan.rejected).toEqual([
      { id: 'n199', reason: 'tooMany' },
      { id: 'n200', reason: 'tooMany' },
      { id: 'n201', reason: 'tooMany' },
    ]);
    expect(planMilestoneImport([], TODAY, null)).toEqual({ targetDate: null, nodes: [], rejected: [] });
  });
});
