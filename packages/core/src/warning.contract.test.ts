import { describe, expect, it } from 'vitest';
import { isMessageKey } from './messages.ts';
import { parseWarningPreset, type WarningPresetJson } from './warning.contract.ts';
import { diffWarnings, projectWarningKey, type StoredWarning } from './warning.diff.ts';
import { SANYA_PRESET, WARNING_PRESETS, YINCHUAN_PRESET, thresholdAtLeast, thresholdOver } from './warning.presets.ts';
import type { ProjectWarning } from './warning.contract.ts';

/** The Yinchuan preset with some rules replaced, as an administrator would send it. */
function edited(rules: Record<string, unknown>): unknown {
  return { ...YINCHUAN_PRESET, rules: { ...YINCHUAN_PRESET.rules, ...rules } };
}

function issuesOf(input: unknown) {
  const result = parseWarningPreset(input);
  if (result.success) throw new Error('expected the preset to be refused');
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('warning presets', () => {
  it('ships Yinchuan and Sanya, both valid against the contract', () => {
    expect(Object.keys(WARNING_PRESETS)).toEqual(['yinchuan', 'sanya']);
    expect(parseWarningPreset(YINCHUAN_PRESET)).toMatchObject({ success: true, data: YINCHUAN_PRESET });
    expect(parseWarningPreset(SANYA_PRESET)).toMatchObject({ success: true, data: SANYA_PRESET });
  });

  it('lets district rules be left out', () => {
    const { districtRules: _left, ...json } = YINCHUAN_PRESET;
    const input: WarningPresetJson = json;
    expect(parseWarningPreset(input)).toMatchObject({ success: true, data: { districtRules: {} } });
  });

  it('refuses an unknown rule id', () => {
    expect(
      issuesOf(edited({ typhoon: { version: 1, yellow: thresholdAtLeast(1), red: thresholdAtLeast(2) } })),
    ).toEqual([{ path: 'rules', message: 'warning.ruleUnknown' }]);
  });

  it('refuses thresholds out of range, fractional where whole, or finer than hundredths, naming each field', () => {
    expect(
      issuesOf(
        edited({
          investment_behind_pace: {
            version: 1,
            basis: 'points',
            yellow: thresholdAtLeast(-1),
            red: thresholdOver(100.5),
          },
          start_overdue: { version: 1, yellow: thresholdAtLeast(1.5), red: thresholdAtLeast(3) },
          not_in_statistics: { version: 1, yellow: thresholdAtLeast(1.005), red: thresholdOver(2) },
        }),
      ),
    ).toEqual([
      { path: 'rules.investment_behind_pace.yellow.value', message: 'warning.thresholdRange' },
      { path: 'rules.investment_behind_pace.red.value', message: 'warning.thresholdRange' },
      { path: 'rules.start_overdue.yellow.value', message: 'warning.thresholdRange' },
      { path: 'rules.not_in_statistics.yellow.value', message: 'warning.thresholdRange' },
    ]);
  });

  it('refuses a yellow threshold not below the red one, and accepts "at least n" below "over n"', () => {
    expect(
      issuesOf(edited({ start_overdue: { version: 1, yellow: thresholdAtLeast(3), red: thresholdAtLeast(3) } })),
    ).toEqual([{ path: 'rules.start_overdue.red', message: 'warning.thresholdOrder' }]);
    expect(
      issuesOf(edited({ start_overdue: { version: 1, yellow: thresholdOver(3), red: thresholdAtLeast(3) } })),
    ).toEqual([{ path: 'rules.start_overdue.red', message: 'warning.thresholdOrder' }]);
    expect(
      parseWarningPreset(edited({ start_overdue: { version: 1, yellow: thresholdAtLeast(3), red: thresholdOver(3) } }))
        .success,
    ).toBe(true);
  });

  it('refuses a bad report deadline day and a missing basis', () => {
    const paths = issuesOf(
      edited({
        report_missing: { version: 1, deadlineDay: 31, yellow: thresholdAtLeast(1), red: thresholdAtLeast(2) },
        investment_behind_pace: { version: 1, yellow: thresholdAtLeast(10), red: thresholdOver(30) },
      }),
    ).map((issue) => issue.path);
    expect(paths).toEqual(['rules.investment_behind_pace.basis', 'rules.report_missing.deadlineDay']);
  });

  it('uses only message keys of the catalogue', () => {
    for (const key of ['warning.ruleUnknown', 'warning.thresholdRange', 'warning.thresholdOrder']) {
      expect(isMessageKey(key), key).toBe(true);
    }
  });
});

describe('diffWarnings', () => {
  const base = { presetId: 'yinchuan', version: 1, figures: {}, text: '…' };
  const w = (projectId: number, rule: ProjectWarning['rule'], level: ProjectWarning['level']): ProjectWarning => ({
    ...base,
    projectId,
    rule,
    level,
  });
  const stored = (warning: ProjectWarning, firstRaisedOn: string): StoredWarning<ProjectWarning> => ({
    ...warning,
    firstRaisedOn,
    lastConfirmedOn: '2021-05-19',
  });

  it('tells raised, confirmed (keeping the first date, showing escalation) and cleared apart', () => {
    const previous = [
      stored(w(1, 'start_overdue', 'yellow'), '2021-04-01'),
      stored(w(2, 'report_missing', 'yellow'), '2021-05-06'),
    ];
    const next = [w(1, 'start_overdue', 'red'), w(3, 'problem_overdue', 'yellow')];
    const diff = diffWarnings(previous, next, '2021-05-20', projectWarningKey);
    expect(diff.raised).toEqual([
      { ...w(3, 'problem_overdue', 'yellow'), firstRaisedOn: '2021-05-20', lastConfirmedOn: '2021-05-20' },
    ]);
    expect(diff.confirmed).toEqual([
      {
        ...w(1, 'start_overdue', 'red'),
        firstRaisedOn: '2021-04-01',
        lastConfirmedOn: '2021-05-20',
        previousLevel: 'yellow',
      },
    ]);
    expect(diff.cleared).toEqual([
      { ...stored(w(2, 'report_missing', 'yellow'), '2021-05-06'), clearedOn: '2021-05-20' },
    ]);
  });

  it('treats the same rule on another project as another warning, and refuses duplicates', () => {
    const diff = diffWarnings(
      [stored(w(1, 'start_overdue', 'red'), '2021-04-01')],
      [w(2, 'start_overdue', 'red')],
      '2021-05-20',
      projectWarningKey,
    );
    expect([diff.raised.length, diff.confirmed.length, diff.cleared.length]).toEqual([1, 0, 1]);
    expect(() =>
      diffWarnings([], [w(1, 'start_overdue', 'red'), w(1, 'start_overdue', 'red')], '2021-05-20', projectWarningKey),
    ).toThrow(RangeError);
  });
});
