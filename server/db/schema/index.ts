export * from './audit.js';
export * from './auth.js';
export * from './members.js';
export * from './organisation.js';
