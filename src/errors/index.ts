export * from './span.js';
export * from './kql-error.js';
export * from './codes.js';
