import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ACCOUNTS, clearStorage, part, waitFor } from '../support.js';

/**
 * The example apps as an adopter builds them with vite: React 19 with the `post-login-widgets/react` wrapper and its
 * `onSignIn` prop, and Vue 3.5 with the plain tag and `@post-login-sign-in`. Built for the test backend, each signs in
 * by redirect with the real provider and shows the name the sign-in event carried.
 */
const APPS = [
  { name: 'react', how: '<PostLogin> and its onSignIn prop' },
  { name: 'vue', how: '<post-login> and @post-login-sign-in' },
];

describe('the example apps', () => {
  let frame: HTMLIFrameElement | null = null;
  beforeEach(clearStorage);
  afterEach(() => frame?.remove());

  for (const { name, how } of APPS) {
    it(`${name}: signs in with ${how}, and greets the customer from the event`, async () => {
      const page = (await executeServerCommand('build-example-app', { name })) as string;
      frame = document.createElement('iframe');
      frame.style.width = '900px';
      frame.style.height = '700px';
      frame.src = page;
      document.body.append(frame);
      const greeting = () => frame!.contentDocument?.getElementById('greeting')?.textContent?.trim() ?? '';
      const login = () => frame!.contentDocument?.querySelector('post-login') ?? null;
      await waitFor(() => greeting() === 'Nobody is signed in.' && login() && part(login()!, 'sign-in-button'), 'the app, signed out');

      part(login()!, 'sign-in-button')!.click();
      await executeServerCommand('provider-sign-in', ACCOUNTS.anna);
      await waitFor(
        () => frame!.contentWindow?.location.pathname === page && greeting() === `Welcome, ${ACCOUNTS.anna.name}`,
        () => `the greeting (now "${greeting()}")`,
      );
      expect(login()!.status).to.equal('signed-in');
      expect(frame.contentWindow!.location.search, 'no code or state left in the address').to.equal('');
    });
  }
});
