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
