// @ts-check
/* global document */
/** @import {} from 'post-login-widgets' */
// The events bubble to the document; their fields are typed for editors through the package's types.
const greeting = /** @type {HTMLElement} */ (document.querySelector('#greeting'));

document.addEventListener('post-login-ready', (event) => {
  if (event.profile) greeting.textContent = `Welcome back, ${event.profile.name}`;
});
document.addEventListener('post-login-sign-in', (event) => {
  greeting.textContent = `Welcome, ${event.profile.name}`;
});
document.addEventListener('post-login-sign-out', () => {
  greeting.textContent = 'Nobody is signed in.';
});
