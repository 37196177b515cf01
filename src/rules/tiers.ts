/**
 * Budget tiers: how much to outsource for a monthly marketing budget (seed 003, docs/RULES.md §3).
 */
import { checkNonNegative, invalid, Result } from './errors';

/** The seed's thresholds, in euros per month: < 500, 500–1 500, 1 500–4 000, > 4 000. */
export const TIER_THRESHOLDS = { partial: 500, regular: 1500, full: 4000 } as const;

export type BudgetTier = 'IN_HOUSE' | 'PARTIAL' | 'REGULAR' | 'FULL';
export type BudgetProfile = 'standard' | 'high_margin' | 'clickable' | 'local_low_margin';

/** Project default factors: high margin or clickable channels outsource earlier, local low margin later. */
export const PROFILE_FACTORS: Readonly<Record<BudgetProfile, number>> = {
  standard: 1,
  high_margin: 0.75,
  clickable: 0.75,
  local_low_margin: 1.25,
};

const PROFILE_ALIASES: Readonly<Record<string, BudgetProfile>> = {
  standard: 'standard',
  high_margin: 'high_margin',
  clickable: 'clickable',
  local_low_margin: 'local_low_margin',
  forte_marge: 'high_margin',
  cliquable: 'clickable',
  local_faible_marge: 'local_low_margin',
};

export const PROFILE_NAMES = Object.keys(PROFILE_ALIASES);

/** Reads a profile name, English or French, trimmed and case-insensitive. */
export function parseProfile(text: string): Result<BudgetProfile> {
  const key = text.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(PROFILE_ALIASES, key)
    ? PROFILE_ALIASES[key]
    : invalid('unknownProfile', { arg: 'profile', valid: PROFILE_NAMES.join(', ') });
}

export interface TierThresholds {
  partial: number;
  regular: number;
  full: number;
}

/** The thresholds after the profile's factor and the user's scale (their market or currency). */
export function tierThresholds(profile: BudgetProfile = 'standard', scale = 1): TierThresholds {
  const factor = PROFILE_FACTORS[profile] * scale;
  return {
    partial: TIER_THRESHOLDS.partial * factor,
    regular: TIER_THRESHOLDS.regular * factor,
    full: TIER_THRESHOLDS.full * factor,
  };
}

export function budgetTier(monthlyBudget: number, profile: BudgetProfile = 'standard', scale = 1): Result<BudgetTier> {
  const bad = checkNonNegative('monthly_budget', monthlyBudget) ?? (scale > 0 ? undefined : invalid('notPositive', { arg: 'scale' }));
  if (bad) return bad;
  const { partial, regular, full } = tierThresholds(profile, scale);
  if (monthlyBudget < partial) return 'IN_HOUSE';
  if (monthlyBudget < regular) return 'PARTIAL';
  return monthlyBudget <= full ? 'REGULAR' : 'FULL';
}

export type BusinessModel = 'local_service' | 'ecommerce' | 'b2b_service';
export type MarginLevel = 'high' | 'normal' | 'low';

/**
 * The budget profile for a business (project default mapping of seed 003's hints): a high
 * margin, or e-commerce (a clickable channel), outsources earlier; a local service with a low
 * margin is prudent; everything else is standard. High margin wins over the channel.
 */
export function profileFor(businessModel: BusinessModel, margin: MarginLevel): BudgetProfile {
  if (margin === 'high') return 'high_margin';
  if (businessModel === 'ecommerce') return 'clickable';
  if (businessModel === 'local_service' && margin === 'low') return 'local_low_margin';
  return 'standard';
}
