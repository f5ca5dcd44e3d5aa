import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ACCOUNTS, clearStorage, part, waitFor } from '../support.js';

/**
 * The React example (examples/react) as an adopter builds it: vite, React 19, the `post-login-widgets/react` wrapper
 * with its `onSignIn` prop. Built for the test backend, it signs in by redirect with the real provider and shows the
 * name the sign-in event carried.
 */
describe('the React example app', () => {
  let frame: HTMLIFrameElement | null = null;
  beforeEach(clearStorage);
  afterEach(() => frame?.remove());

  it('signs in with <PostLogin> and greets the customer from the onSignIn event', async () => {
    const page = (await executeServerCommand('build-react-example')) as string;
    frame = document.createElement('iframe');
    frame.style.width = '900px';
    frame.style.height = '700px';
    frame.src = page;
    document.body.append(frame);
    const greeting = () => frame!.contentDocument?.getElementById('greeting')?.textContent ?? '';
    const login = () => frame!.contentDocument?.querySelector('post-login') ?? null;
    await waitFor(() => greeting() === 'Nobody is signed in.' && login() && part(login()!, 'sign-in-button'), 'the app, signed out');

    part(login()!, 'sign-in-button')!.click();
    await executeServerCommand('provider-sign-in', ACCOUNTS.anna);
    await waitFor(() => frame!.contentWindow?.location.pathname === page && greeting() === `Welcome, ${ACCOUNTS.anna.name}`, () => `the greeting (now "${greeting()}")`);
    expect(login()!.status).to.equal('signed-in');
    expect(frame.contentWindow!.location.search, 'no code or state left in the address').to.equal('');
  });
});
