/**
 * The portable copy's native forms of CONTRIBUTION (RULES.md §2) and DECISION (§9), kept beside
 * translate.ts so that file's table stays as it was. Built from translate.ts's own building blocks
 * (handed in, so this file imports no value from it and the two load in any order).
 */
import type { NativeArg, NativeEntry, NativeParam, ParamKind } from './translate';

export interface NativeBlocks {
  read(params: NativeParam[], args: NativeArg[]): string[];
  guarded(readings: Array<string | undefined>, body: string, firstChecks?: readonly string[]): string;
  failing(reading: string): string | undefined;
  operand(expression: string): string;
  rateRefused(x: string, bounds?: 'closed' | 'lowOpen' | 'highOpen'): string;
  p(name: string, kind: ParamKind, optionalDefault?: string): NativeParam;
  optional(name: string, kind: ParamKind): NativeParam;
}

const VALUE_ERROR = '#VALUE!';
const oneOf = (x: string, codes: readonly string[]) => `OR(${codes.map((c) => `${x}="${c}"`).join(',')})`;

export function decisionEntries(b: NativeBlocks): Record<'CONTRIBUTION' | 'DECISION', NativeEntry> {
  return {
    CONTRIBUTION: {
      params: [b.p('revenue', 'amount'), b.p('spend', 'amount'), b.p('margin', 'number')],
      result: 'number',
      translate(args) {
        const r = b.read(this.params, args);
        const [revenue, spend, margin] = r;
        return b.guarded(r.map(b.failing), `IF(${b.rateRefused(margin)},${VALUE_ERROR},${b.operand(revenue)}*${b.operand(margin)}-${b.operand(spend)})`, [margin]);
      },
    },
    DECISION: {
      params: [b.p('signal_code', 'text'), b.p('tier_code', 'text'), b.optional('crossover_month', 'number'), b.p('payback_limit', 'number', '36')],
      result: 'text',
      translate(args) {
        const crossoverOmitted = args[2] === undefined || args[2].omitted;
        const r = b.read(this.params, args);
        const [signal, tier, crossover, limit] = r;
        const [c, l] = [crossover, limit].map(b.operand);
        // Codes compare with = (case-insensitive); the tier's code comes back in capitals, as MKT gives it.
        const refused = crossoverOmitted ? `${l}<1` : `OR(${c}<0,${l}<1)`;
        const neverInTime = crossoverOmitted ? undefined : `OR(${c}=0,${c}>${l})`;
        const internalise = `IF(${tier}="FULL","HIRE_LEAD","HIRE")`;
        const body =
          `IF(NOT(${oneOf(signal, ['INTERNALISE', 'PREPARE', 'OUTSOURCE'])}),${VALUE_ERROR},` +
          `IF(NOT(${oneOf(tier, ['IN_HOUSE', 'PARTIAL', 'REGULAR', 'FULL'])}),${VALUE_ERROR},` +
          `IF(${refused},${VALUE_ERROR},IF(${signal}="OUTSOURCE",UPPER(${tier}),IF(${signal}="PREPARE","PREPARE",` +
          `${neverInTime ? `IF(${neverInTime},"PREPARE",${internalise})` : internalise})))))`;
        return b.guarded([b.failing(signal), b.failing(tier), crossoverOmitted ? undefined : b.failing(crossover), b.failing(limit)], body, [signal]);
      },
    },
  };
}
