// The three tags in Vue's GlobalComponents: vue-tsc checks their props and @event handlers in templates.
import type {} from 'post-login-widgets/vue';
