import { pilotVerdict, RuleError } from '../../src/rules';

const verdict = (monthsElapsed: number, kpiAchievement: number, roiRatio?: number, reportingOk = true) =>
  pilotVerdict({ monthsElapsed, kpiAchievement, roiRatio, reportingOk });

describe('PILOT_VERDICT, in the order of RULES.md §4', () => {
  it('is TOO_EARLY before 3 months, whatever the results', () => {
    expect(verdict(2.99, 2, 10)).toBe('TOO_EARLY');
    expect(verdict(0, 0, undefined, false)).toBe('TOO_EARLY');
  });
  it('stops when reporting is missing, at 3 months', () => expect(verdict(3, 2, 10, false)).toBe('STOP'));
  it('expands at 100 % of the KPI with no ROI given', () => expect(verdict(3, 1)).toBe('EXPAND'));
  it('expands at 100 % of the KPI with a ROI of exactly 3', () => expect(verdict(3, 1, 3)).toBe('EXPAND'));
  it('extends at 100 % of the KPI when the ROI is under 3', () => expect(verdict(3, 1, 2.99)).toBe('EXTEND'));
  it('extends at exactly 80 %', () => expect(verdict(4, 0.8)).toBe('EXTEND'));
  it('takes back in-house just under 80 %', () => expect(verdict(4, 0.7999)).toBe('TAKE_BACK'));
  it('accepts a KPI achievement of exactly 10 and rejects more as a percent typed as a number', () => {
    expect(verdict(3, 10)).toBe('EXPAND');
    expect(verdict(3, 85)).toEqual(new RuleError('VALUE', 'rateAsPercent', { arg: 'kpi_achievement', typed: 85, asRate: 0.85 }));
  });
  it('rejects negative months, KPI or ROI', () => {
    expect((verdict(-1, 1) as RuleError).kind).toBe('VALUE');
    expect((verdict(3, -1) as RuleError).kind).toBe('VALUE');
    expect((verdict(3, 1, -1) as RuleError).kind).toBe('VALUE');
  });
});

describe('PILOT_VERDICT with thresholds of the user', () => {
  const base = { reportingOk: true };
  it('waits for pilot_months', () => {
    expect(pilotVerdict({ ...base, monthsElapsed: 5, kpiAchievement: 2, pilotMonths: 6 })).toBe('TOO_EARLY');
    expect(pilotVerdict({ ...base, monthsElapsed: 6, kpiAchievement: 2, pilotMonths: 6 })).toBe('EXPAND');
    expect(pilotVerdict({ ...base, monthsElapsed: 1, kpiAchievement: 2, pilotMonths: 1 })).toBe('EXPAND');
  });
  it('expands from expand_at, extends from extend_at', () => {
    const at = (kpi: number) => pilotVerdict({ ...base, monthsElapsed: 3, kpiAchievement: kpi, expandAt: 1.2, extendAt: 0.9 });
    expect(at(1.2)).toBe('EXPAND');
    expect(at(1.19)).toBe('EXTEND');
    expect(at(0.9)).toBe('EXTEND');
    expect(at(0.89)).toBe('TAKE_BACK');
  });
  it('needs the ROI at roi_floor to expand, when a ROI is given', () => {
    expect(pilotVerdict({ ...base, monthsElapsed: 3, kpiAchievement: 1, roiRatio: 2, roiFloor: 2 })).toBe('EXPAND');
    expect(pilotVerdict({ ...base, monthsElapsed: 3, kpiAchievement: 1, roiRatio: 1.99, roiFloor: 2 })).toBe('EXTEND');
    expect(pilotVerdict({ ...base, monthsElapsed: 3, kpiAchievement: 1, roiRatio: 0, roiFloor: 0 })).toBe('EXPAND');
  });
  it('gives the old verdicts with the defaults given explicitly', () => {
    for (const m of [2, 3, 4]) for (const k of [0.5, 0.8, 1, 2]) for (const roi of [undefined, 2, 3]) {
      expect(pilotVerdict({ ...base, monthsElapsed: m, kpiAchievement: k, roiRatio: roi, pilotMonths: 3, expandAt: 1, extendAt: 0.8, roiFloor: 3 })).toBe(verdict(m, k, roi));
    }
  });
  it('rejects thresholds outside their rules with #VALUE!', () => {
    const v = (t: object) => pilotVerdict({ ...base, monthsElapsed: 3, kpiAchievement: 1, ...t });
    expect(v({ pilotMonths: 0 })).toEqual(new RuleError('VALUE', 'numberRange', { arg: 'pilot_months', min: 1, max: 36 }));
    expect(v({ pilotMonths: 37 })).toEqual(new RuleError('VALUE', 'numberRange', { arg: 'pilot_months', min: 1, max: 36 }));
    expect(v({ extendAt: 0 })).toEqual(new RuleError('VALUE', 'pilotThresholds', { expand: 1, extend: 0, max: 10 }));
    expect(v({ extendAt: 1.1 })).toEqual(new RuleError('VALUE', 'pilotThresholds', { expand: 1, extend: 1.1, max: 10 }));
    expect(v({ expandAt: 11, extendAt: 1 })).toEqual(new RuleError('VALUE', 'pilotThresholds', { expand: 11, extend: 1, max: 10 }));
    expect(v({ extendAt: 1, expandAt: 1 })).toBe('EXPAND');
    expect(v({ roiFloor: -1 })).toEqual(new RuleError('VALUE', 'negative', { arg: 'roi_floor' }));
  });
});
