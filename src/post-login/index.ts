export { PostLogin } from './post-login.js';
export * from './post-login.events.js';
