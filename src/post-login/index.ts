import { defineElement } from '../core/define-element.js';
import { PostLogin } from './post-login.js';

export { PostLogin, type PostLoginView } from './post-login.js';
export * from './post-login.events.js';

defineElement('post-login', PostLogin);
