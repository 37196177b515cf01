export * from './errors';
export * from './signals';
export * from './roi';
export * from './tiers';
export * from './pilot';
export * from './allocation';
export * from './marginal';
export * from './labels';
