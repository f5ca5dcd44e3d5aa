import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ErrorCode, PostLogin, Profile } from '../../../src/index.js';
import '../../../src/index.js';
import de from '../../../src/i18n/de.js';
import en from '../../../src/i18n/en.js';
import fr from '../../../src/i18n/fr.js';
import it_ from '../../../src/i18n/it.js';
import { firstPaintMessages } from '../../../src/i18n/first-paint.js';
import errorsDe from '../../../src/i18n/errors.de.js';
import errorsEn from '../../../src/i18n/errors.en.js';
import errorsFr from '../../../src/i18n/errors.fr.js';
import errorsIt from '../../../src/i18n/errors.it.js';
import helpDe from '../../../src/i18n/help.de.js';
import helpEn from '../../../src/i18n/help.en.js';
import helpFr from '../../../src/i18n/help.fr.js';
import helpIt from '../../../src/i18n/help.it.js';
import { assertAccessible, assertSameKeys, backendUrls, part, visibleText, waitFor } from '../support.js';

/**
 * The element on its own, in Chromium and Firefox: languages, help, keyboard, overrides, theming, accessibility of
 * every state. Sign-in journeys against the provider are in test/browser/journeys.
 */
const AUTHORITY = 'http://localhost:4101';

async function mount(attributes: Record<string, string> = {}, parent: HTMLElement = document.body): Promise<PostLogin> {
  const element = document.createElement('post-login');
  const all = { authority: AUTHORITY, 'client-id': 'post-login-test', ...attributes };
  for (const [name, value] of Object.entries(all)) element.setAttribute(name, value);
  // Ready once the language chunk is there too (the mask itself paints before it, with its first-paint words).
  const ready = new Promise((resolve) => element.addEventListener('post-login-ready', resolve, { once: true }));
  parent.append(element);
  await ready;
  await waitFor(() => part(element, 'sign-in-button') || part(element, 'user-button') || part(element, 'status'), 'render');
  return element;
}

const anna: Profile = {
  sub: 'a1',
  name: 'Anna Muster',
  email: 'anna.muster@example.ch',
  accountType: 'private',
  role: 'customer',
  company: null,
  login: 'swissid',
  accounts: [{ id: 'c1', type: 'private', company: null, role: 'customer', email: 'anna.muster@example.ch' }],
  linked: true,
};

describe('<post-login>', () => {
  let element: PostLogin;
  beforeEach(() => {
    document.documentElement.lang = 'de';
    localStorage.clear();
  });
  afterEach(() => {
    element?.remove();
    document.querySelectorAll('.test-container').forEach((node) => node.remove());
  });

  it('is accessible when signed out', async () => {
    element = await mount();
    await assertAccessible(element);
  });

  it('shows no empty message or status box when there is nothing to say, but keeps them for announcements', async () => {
    element = await mount();
    for (const name of ['message', 'status']) {
      const region = part(element, name)!;
      // Not display:none: a live region has to be in the accessibility tree before its text arrives.
      expect(getComputedStyle(region).display, name).not.to.equal('none');
      expect(getComputedStyle(region).position, name).to.equal('absolute');
      expect(region.getBoundingClientRect().height, name).to.be.at.most(1);
    }
  });

  it('paints the signed-out mask without loading the OpenID Connect, JOSE or positioning code', async () => {
    element = await mount();
    // The session code loads once the mask has painted and is ready; what it needs of the protocol loads only later.
    const loaded = await waitFor(() => {
      const names = performance.getEntriesByType('resource').map((entry) => entry.name);
      return names.some((url) => url.includes('/core/login-sessions.')) && names;
    }, 'the session code');
    expect(loaded.filter((url) => /oidc-client-ts|\/jose\/|floating-ui|core\/oidc\//.test(url))).to.deep.equal([]);
  });

  it('becomes ready once it is back, when it was taken out of the page before its strings had loaded', async () => {
    element = document.createElement('post-login');
    element.setAttribute('authority', AUTHORITY);
    element.setAttribute('client-id', 'post-login-test');
    let readyEvents = 0;
    element.addEventListener('post-login-ready', () => readyEvents++);
    document.body.append(element);
    element.remove(); // its strings load while it is out of the page
    // Its language has arrived (the element's own locale, looked at from outside).
    await waitFor(() => (element as unknown as { locale: { messages: unknown } }).locale.messages, 'the strings');
    await element.updateComplete;
    expect(readyEvents, 'not ready while out of the page').to.equal(0);
    document.body.append(element);
    await waitFor(() => readyEvents === 1, 'ready after coming back');
    expect(part(element, 'sign-in-button')!.textContent).to.contain('Login mit SwissID');
  });

  describe('languages', () => {
    it('has the same keys, all filled, in de, fr, it and en', () => {
      assertSameKeys(en, [de, fr, it_]);
      assertSameKeys(helpEn, [helpDe, helpFr, helpIt]);
      assertSameKeys(errorsEn, [errorsDe, errorsFr, errorsIt]);
      const { en: english, ...others } = firstPaintMessages;
      assertSameKeys(english, Object.values(others));
    });

    it('follows <html lang> by default, the nearest ancestor, then its own lang', async () => {
      element = await mount();
      expect(part(element, 'sign-in-button')!.textContent!.trim()).to.equal('Login mit SwissID');
      const container = document.createElement('div');
      container.className = 'test-container';
      container.lang = 'it-CH';
      document.body.append(container);
      const inItalian = await mount({}, container);
      expect(part(inItalian, 'sign-in-button')!.textContent!.trim()).to.equal('Login con SwissID');
      const inEnglish = await mount({ lang: 'en-GB' }, container);
      expect(part(inEnglish, 'sign-in-button')!.textContent!.trim()).to.equal('Login with SwissID');
    });

    it('falls back to German for a language it does not have', async () => {
      element = await mount({ lang: 'rm' });
      expect(part(element, 'sign-in-button')!.textContent!.trim()).to.equal('Login mit SwissID');
    });

    it('switches at runtime when <html lang> or its own lang changes', async () => {
      element = await mount();
      document.documentElement.lang = 'fr';
      await waitFor(() => part(element, 'sign-in-button')!.textContent!.includes('Se connecter avec SwissID'), 'French');
      element.setAttribute('lang', 'it');
      await waitFor(() => part(element, 'sign-in-button')!.textContent!.includes('Login con SwissID'), 'Italian');
      element.removeAttribute('lang');
      await waitFor(() => part(element, 'sign-in-button')!.textContent!.includes('Se connecter'), 'back to French');
    });
  });

  describe('older Post customer login', () => {
    it('is offered below SwissID when configured, and marks the method used last on this device', async () => {
      localStorage.setItem('post-login:last-method', 'post');
      element = await mount({ 'legacy-authority': 'http://localhost:4103', 'legacy-client-id': 'post-login-test' });
      const legacy = part(element, 'legacy-sign-in-button')!;
      expect(legacy.textContent).to.contain('Kundenlogin Post');
      expect(legacy.compareDocumentPosition(part(element, 'sign-in-button')!) & Node.DOCUMENT_POSITION_PRECEDING).to.not.equal(0);
      expect(legacy.querySelector('[part~="last-used"]')!.textContent).to.contain('zuletzt auf diesem Gerät verwendet');
      expect(part(element, 'sign-in-button')!.querySelector('[part~="last-used"]')).to.equal(null);
      expect(visibleText(element)).to.contain('noch nicht mit SwissID verknüpft');
      await assertAccessible(element);
    });

    it('is not offered without its settings', async () => {
      element = await mount();
      expect(part(element, 'legacy-sign-in-button')).to.equal(null);
    });
  });

  describe('help popover', () => {
    it('opens with the FAQ help, is accessible, closes on Escape and gives focus back', async () => {
      element = await mount();
      const button = part(element, 'help-button')!;
      const help = part(element, 'help')!;
      expect(help.hidden).to.equal(true);
      button.click();
      await waitFor(() => !help.hidden && element.shadowRoot!.activeElement === help, 'help open with focus');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      // The help texts come in a chunk of their own, asked for when the help opens.
      await waitFor(() => help.querySelector('h3'), 'the help texts');
      const text = help.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Kundendienst von SwissSign');
      expect(text).to.contain('Seit Oktober 2017');
      expect(text).to.contain('rechtsgültige elektronische Signatur');
      expect(text).to.contain('Zwei-Faktor-Authentifizierung');
      expect(text).to.contain('0848 99 88 00');
      expect(text).to.contain('Contact Center');
      expect(text).to.contain('Superadministrator');
      expect(text).to.contain('Vergessene Passwörter');
      expect(part(element, 'phone-link')!.getAttribute('href')).to.equal('tel:+41848998800');
      await assertAccessible(element);

      help.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await waitFor(() => help.hidden, 'closed');
      expect(element.shadowRoot!.activeElement).to.equal(button);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('closes on a click outside', async () => {
      element = await mount();
      part(element, 'help-button')!.click();
      const help = part(element, 'help')!;
      await waitFor(() => !help.hidden && element.shadowRoot!.activeElement === help, 'open');
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await waitFor(() => help.hidden, 'closed by the outside click');
    });

    it('flips above and shifts inside the viewport at the bottom-right edge', async () => {
      const container = document.createElement('div');
      container.className = 'test-container';
      container.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 16rem;';
      document.body.append(container);
      element = await mount({}, container);
      part(element, 'help-button')!.click();
      const help = part(element, 'help')!;
      await waitFor(() => help.dataset.placement, 'positioned');
      expect(help.dataset.placement).to.match(/^top/);
      const rect = help.getBoundingClientRect();
      expect(rect.top).to.be.at.least(0);
      expect(rect.left).to.be.at.least(0);
      expect(rect.right).to.be.at.most(window.innerWidth);
      expect(rect.bottom).to.be.at.most(part(element, 'help-button')!.getBoundingClientRect().top);
    });
  });

  describe('keyboard', () => {
    it('reaches help and sign-in with Tab, opens and closes help with Enter and Escape', async () => {
      const before = document.createElement('button');
      before.textContent = 'before';
      before.className = 'test-container';
      document.body.prepend(before);
      element = await mount();
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(part(element, 'help-button'));
      await sendKeys({ press: 'Enter' });
      const help = part(element, 'help')!;
      await waitFor(() => !help.hidden && element.shadowRoot!.activeElement === help, 'help open');
      await sendKeys({ press: 'Escape' });
      await waitFor(() => help.hidden, 'help closed');
      expect(element.shadowRoot!.activeElement).to.equal(part(element, 'help-button'));
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(part(element, 'sign-in-button'));
    });
  });

  describe('host API', () => {
    it('fires a bubbling, composed ready event with no profile when nobody is signed in', async () => {
      const ready = new Promise<Event & { profile: unknown }>((resolve) =>
        document.addEventListener('post-login-ready', (event) => resolve(event as never), { once: true }),
      );
      element = await mount();
      const event = await ready;
      expect(event.composed).to.equal(true);
      expect(event.profile).to.equal(null);
    });

    it('says clearly when it is not configured, and tells the host', async () => {
      const error = new Promise<Event & { code: string; message: string; diagnostic: string }>((resolve) =>
        document.addEventListener('post-login-error', (event) => resolve(event as never), { once: true }),
      );
      element = await mount({ authority: 'not a url' });
      const { code, diagnostic } = await error;
      expect(code).to.equal('config_invalid');
      expect(diagnostic).to.equal('<post-login>: authority="not a url" is not an absolute URL: set it to the issuer URL of SwissID.');
      expect(part(element, 'message')!.textContent).to.contain('nicht richtig eingerichtet');
      expect(part(element, 'sign-in-button')!.getAttribute('aria-disabled')).to.equal('true');
    });

    // The page's developer learns which attribute to fix, once per element, in the console.
    const misconfigurations: Array<[string, Record<string, string>, string]> = [
      ['no authority', { authority: '' }, 'authority is missing: set it to the issuer URL of SwissID (its OpenID provider).'],
      ['no client id', { 'client-id': '' }, 'client-id is missing: set it to the OAuth client id registered for this site at SwissID.'],
      [
        'the older login without its client',
        { 'legacy-authority': 'http://localhost:4003' },
        'legacy-client-id is missing: set it to the OAuth client id registered for this site at the older Post customer login.',
      ],
      ['an address that is no URL', { 'redirect-uri': 'http://' }, 'redirect-uri="http://" is not a URL: give an absolute URL or one relative to this page.'],
    ];
    for (const [name, attributes, problem] of misconfigurations) {
      it(`warns the developer once: ${name}`, async () => {
        const warnings: unknown[][] = [];
        const warn = console.warn;
        console.warn = (...args: unknown[]) => warnings.push(args);
        try {
          const error = new Promise<Event & { diagnostic: string }>((resolve) =>
            document.addEventListener('post-login-error', (event) => resolve(event as never), { once: true }),
          );
          element = await mount(attributes);
          expect((await error).diagnostic).to.equal(`<post-login>: ${problem}`);
          element.requestUpdate();
          await element.updateComplete;
        } finally {
          console.warn = warn;
        }
        expect(warnings.map(([text]) => text)).to.deep.equal([`<post-login>: ${problem}`]);
        expect(warnings[0][1], 'the element, for the console to point at').to.equal(element);
      });
    }

    it('names an authority whose provider calls itself by another issuer, and warns once however often it fails', async () => {
      const { swissid } = await backendUrls();
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        // The real provider, asked under another name for the same host: its discovery document names its own issuer.
        element = await mount({ authority: swissid.replace('localhost', '127.0.0.1') });
        const errors: Array<Event & { code: string; diagnostic: string }> = [];
        document.addEventListener('post-login-error', (event) => errors.push(event as never));
        part(element, 'sign-in-button')!.click();
        await waitFor(() => errors.length === 1, 'the error');
        expect(part(element, 'message')!.textContent).to.contain('nicht richtig eingerichtet');
        // The page's script tries again (the mask offers no retry for a setting only the page can fix).
        void element.signIn();
        await waitFor(() => errors.length === 2, 'the error of the second attempt');
        expect(errors.map(({ code, diagnostic }) => [code, diagnostic])).to.deep.equal([
          ['config_invalid', "config_invalid: authority is not the issuer its discovery document names"],
          ['config_invalid', "config_invalid: authority is not the issuer its discovery document names"],
        ]);
      } finally {
        console.warn = warn;
      }
      expect(warnings.map(([text]) => text)).to.deep.equal([
        "config_invalid: authority is not the issuer its discovery document names",
      ]);
    });

    it('refuses an access token when nobody is signed in', async () => {
      element = await mount();
      const failure = await element.getAccessToken().catch((error: { code: string }) => error);
      expect((failure as { code: string }).code).to.equal('signed_out');
    });

    it('takes text overrides from attributes and the texts property, always as text', async () => {
      element = await mount({ 'text-sign-in-swissid': 'Mit SwissID anmelden' });
      expect(part(element, 'sign-in-button')!.textContent!.trim()).to.equal('Mit SwissID anmelden');
      element.setAttribute('text-sign-in-swissid', 'Jetzt anmelden');
      await waitFor(() => part(element, 'sign-in-button')!.textContent!.trim() === 'Jetzt anmelden', 'attribute change');
      element.texts = { maskTitle: '<img src=x onerror="window.__pwned = true">' };
      await element.updateComplete;
      expect(part(element, 'title')!.textContent).to.equal('<img src=x onerror="window.__pwned = true">');
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('is themed through --post-* custom properties', async () => {
      element = await mount();
      element.style.setProperty('--post-color-primary', 'rgb(1, 2, 3)');
      expect(getComputedStyle(part(element, 'sign-in-button')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    });
  });

  describe('accounts', () => {
    const privateAccount = { id: 'p1', type: 'private', company: null, role: 'customer', email: 'thomas.both@example.ch' } as const;
    const businessAccount = { id: 'b1', type: 'business', company: 'Both Treuhand GmbH', role: 'superadmin', email: 'thomas@both-treuhand.ch' } as const;
    const thomas: Profile = { ...anna, sub: 't1', name: 'Thomas Both', email: 'thomas.swissid@example.ch', accounts: [privateAccount, businessAccount] };

    async function openMenu(): Promise<HTMLElement> {
      await waitFor(() => part(element, 'user-button'), 'the signed-in view');
      part(element, 'user-button')!.click();
      await waitFor(() => !part(element, 'user-menu')!.hidden, 'menu open');
      return part(element, 'user-menu')!;
    }

    it('shows the person and the account they act for; the menu lists every account, each with its own e-mail', async () => {
      element = await mount();
      element.preview = { status: 'signed-in', profile: thomas, account: businessAccount };
      const menu = await openMenu();
      expect(part(element, 'user-button')!.textContent).to.contain('Thomas Both').and.contain('Both Treuhand GmbH · Superadministrator/in');
      const buttons = [...menu.querySelectorAll('[part~="account-button"]')];
      expect(buttons.map((button) => button.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Privatkonto thomas.both@example.ch',
        'Both Treuhand GmbH · Superadministrator/in thomas@both-treuhand.ch',
      ]);
      expect(buttons.map((button) => button.getAttribute('aria-current'))).to.deep.equal(['false', 'true']);
      expect(menu.querySelector('.email')!.textContent).to.equal('thomas.swissid@example.ch');
      await assertAccessible(element);
    });

    it('one account: named in the menu, nothing to switch', async () => {
      element = await mount();
      element.preview = { status: 'signed-in', profile: anna };
      const menu = await openMenu();
      expect(menu.querySelector('[part~="account-button"]')).to.equal(null);
      expect(menu.querySelector('.account-type')!.textContent).to.equal('Privatkonto');
    });

    it('an older login not linked yet: "Link to SwissID"; without a banner on the page, the menu says where', async () => {
      element = await mount();
      element.preview = { status: 'signed-in', profile: { ...thomas, login: 'post', linked: false }, menuNote: 'linkElsewhere' };
      const menu = await openMenu();
      expect(part(element, 'link-button')!.textContent).to.contain('Mit SwissID verknüpfen');
      expect(menu.textContent).to.contain('«Mein Profil» → «Mit SwissID verknüpfen»');
      await assertAccessible(element);
    });

    it('a linked login offers no linking', async () => {
      element = await mount();
      element.preview = { status: 'signed-in', profile: { ...thomas, login: 'post', linked: true } };
      await openMenu();
      expect(part(element, 'link-button')).to.equal(null);
    });
  });

  describe('the older login’s own wording', () => {
    const legacyErrors: Array<[ErrorCode, string]> = [
      ['popup_blocked', 'Fenster des Kundenlogins Post blockiert'],
      ['response_invalid', 'Die Antwort des Kundenlogins Post'],
      ['provider_error', 'Das Kundenlogin Post konnte die Anmeldung nicht abschliessen'],
      ['provider_unreachable', 'Das Kundenlogin Post ist im Moment nicht erreichbar'],
    ];
    for (const [code, message] of legacyErrors) {
      it(`error ${code} of the older login names it, and the Contact Center`, async () => {
        element = await mount({ 'legacy-authority': AUTHORITY, 'legacy-client-id': 'post-login-test' });
        element.preview = { status: 'signed-out', error: code, failedMethod: 'post' };
        await waitFor(() => part(element, 'message')!.textContent!.includes(message), message);
        const text = part(element, 'message')!.textContent!;
        expect(text).not.to.contain('SwissSign');
        if (code !== 'popup_blocked') expect(text).to.contain('Contact Center der Post');
        await assertAccessible(element);
      });
    }
  });

  describe('every state is accessible and says what happened', () => {
    const errors: Array<[ErrorCode, string]> = [
      ['popup_blocked', 'Ihr Browser hat das SwissID-Fenster blockiert'],
      ['popup_closed', 'Das SwissID-Fenster wurde geschlossen'],
      ['popup_timeout', 'hat zu lange gedauert'],
      ['cancelled', 'Die Anmeldung wurde abgebrochen'],
      ['response_invalid', 'Die Antwort von SwissID konnte nicht überprüft werden'],
      ['id_token_invalid', 'nicht sicher bestätigt werden'],
      ['provider_error', 'SwissID konnte die Anmeldung nicht abschliessen'],
      ['provider_unreachable', 'SwissID ist im Moment nicht erreichbar'],
      ['config_invalid', 'nicht richtig eingerichtet'],
    ];
    for (const [code, message] of errors) {
      it(`error ${code}`, async () => {
        element = await mount();
        element.preview = { status: 'signed-out', error: code };
        // The error messages come in a chunk of their own, asked for when there is an error to say.
        await waitFor(() => part(element, 'message')!.textContent!.includes(message), message);
        await assertAccessible(element);
      });
    }

    it('signing in', async () => {
      element = await mount();
      element.preview = { status: 'signing-in' };
      await element.updateComplete;
      expect(part(element, 'status')!.textContent).to.contain('Sie werden angemeldet');
      await assertAccessible(element);
    });

    it('session expired', async () => {
      element = await mount();
      element.preview = { status: 'expired' };
      await element.updateComplete;
      expect(part(element, 'message')!.textContent).to.contain('Ihre Sitzung ist abgelaufen');
      await assertAccessible(element);
    });

    it('signed in, with the user menu open and the account API unavailable', async () => {
      element = await mount();
      element.preview = { status: 'signed-in', profile: anna, accountUnavailable: true };
      // The signed-in view comes in a chunk of its own.
      await waitFor(() => part(element, 'user-button'), 'the signed-in view');
      part(element, 'user-button')!.click();
      await waitFor(() => !part(element, 'user-menu')!.hidden, 'menu open');
      expect(visibleText(element)).to.contain('anna.muster@example.ch');
      expect(visibleText(element)).to.contain('Privatkonto');
      expect(visibleText(element)).to.contain('Ihre Kontodaten konnten nicht geladen werden');
      await assertAccessible(element);
    });

    it('renders a hostile profile name as text', async () => {
      element = await mount();
      element.preview = { status: 'signed-in', profile: { ...anna, name: '<img src=x onerror=alert(1)>' } };
      await waitFor(() => part(element, 'user-button'), 'the signed-in view');
      expect(part(element, 'user-button')!.textContent).to.contain('<img src=x onerror=alert(1)>');
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    });

    it('renders hostile account names and e-mails as text, in the header and the account list', async () => {
      const img = '<img src=x onerror="window.__pwned=1">';
      const account = (id: string, company: string | null) =>
        ({ id, type: company ? 'business' : 'private', company, role: company ? 'user' : 'customer', email: `${img}@example.ch` }) as const;
      element = await mount();
      element.preview = { status: 'signed-in', profile: { ...anna, accounts: [account('h1', img), account('h2', null)] } };
      const button = await waitFor(() => part(element, 'user-button'), 'the signed-in view');
      button.click();
      await waitFor(() => !part(element, 'user-menu')!.hidden, 'the menu');
      expect(part(element, 'acting-account')!.textContent).to.contain(img);
      expect(part(element, 'accounts')!.textContent).to.contain(`${img}@example.ch`);
      expect(element.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
  });
});
