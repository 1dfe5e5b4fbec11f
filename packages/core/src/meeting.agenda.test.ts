import { describe, expect, it } from 'vitest';
import { composeAgenda, type AgendaProblem, type AgendaWarning } from './meeting.agenda.ts';

const warning = (
  id: number,
  projectId: number,
  level: 'red' | 'yellow',
  rule = 'investment_behind_pace',
): AgendaWarning => ({
  id: String(id),
  level,
  rule,
  text: `文本${id}`,
  projectId,
  projectName: `项目${projectId}`,
});
const problem = (id: number, projectId: number): AgendaProblem => ({
  id,
  title: `问题${id}`,
  dueOn: '2021-05-15',
  unitName: '市自然资源局',
  projectId,
  projectName: `项目${projectId}`,
});

describe('the generated agenda of a dispatch meeting', () => {
  it('lists red projects (one item each, most warned first), then overdue problems, then yellow-only projects', () => {
    const items = composeAgenda(
      [
        warning(1, 10, 'red'),
        warning(2, 11, 'red', 'report_missing'),
        warning(3, 11, 'red', 'start_overdue'),
        warning(4, 11, 'yellow', 'not_in_statistics'),
        warning(5, 12, 'yellow'),
      ],
      [problem(7, 13)],
    );
    expect(items.map((i) => [i.projectId, i.level, i.warningId ?? i.problemId])).toEqual([
      [11, 'red', '3'],
      [10, 'red', '1'],
      [13, 'red', 7],
      [12, 'yellow', '5'],
    ]);
    // Project 11's red warnings in the rules' order, then its yellow one (not an item of its own).
    expect(items[0]?.title).toBe('项目11：应开工未开工，文本3；月报未报，文本2；开工未入统，文本4');
    expect(items[2]?.title).toBe('项目13：问题7（市自然资源局，应于5月15日前解决，已逾期）');
  });

  it('caps each part and says in a last item how many were left to the lists', () => {
    const warnings = [
      ...Array.from({ length: 4 }, (_, i) => warning(i + 1, 100 + i, 'red')),
      ...Array.from({ length: 3 }, (_, i) => warning(i + 11, 200 + i, 'yellow')),
    ];
    const items = composeAgenda(warnings, [problem(1, 300), problem(2, 301)], {
      redProjects: 2,
      problems: 1,
      yellowProjects: 3,
    });
    expect(items).toHaveLength(2 + 1 + 3 + 1);
    expect(items.at(-1)).toEqual({
      projectId: null,
      projectName: null,
      warningId: null,
      level: null,
      problemId: null,
      title: '其余红色预警项目2个、逾期问题1个未列入议程，见预警清单和问题清单',
    });
  });

  it('adds no closing item when everything fits', () => {
    expect(composeAgenda([warning(1, 1, 'red')], [])).toHaveLength(1);
    expect(composeAgenda([], [])).toEqual([]);
  });
});
