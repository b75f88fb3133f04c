export * from './env.js';
export * from './auth.js';
export * from './setup.js';
export * from './session.js';
