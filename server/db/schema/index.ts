export * from './audit.js';
export * from './auth.js';
export * from './dues.js';
export * from './members.js';
export * from './organisation.js';
export * from './statements.js';
