export * from './env.js';
export * from './auth.js';
export * from './accounts.js';
export * from './session.js';
export * from './links.js';
