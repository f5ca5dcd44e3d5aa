export { PostLogin, type PostLoginView } from './post-login.js';
export * from './post-login.events.js';
