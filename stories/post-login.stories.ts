import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor } from 'storybook/test';
import manifest from '../custom-elements.json';
import type { ErrorCode } from '../src/core/errors.js';
import type { Account, Profile } from '../src/core/page-login.js';
import type { Messages } from '../src/i18n/en.js';
import '../src/post-login/index.js';
import type { PostLogin, PostLoginView } from '../src/post-login/post-login.js';
import {
  componentDocs,
  cssProperties,
  cssPropertyControls,
  describe,
  hiddenRows,
  hostile,
  manifestDeclaration,
  paintedShadow,
  storyElement,
} from './support.js';

/**
 * Every state of `<post-login>` for design review. Each story sets `preview`, which paints a fixed state without a
 * provider: nobody is signed in and no request is made. Controls come from custom-elements.json.
 */

type Args = {
  authority: string;
  'client-id': string;
  flow: 'redirect' | 'popup';
  'legacy-authority'?: string;
  'legacy-client-id'?: string;
  lang?: string;
  preview: Partial<PostLoginView> | null;
  texts: Partial<Messages>;
  'text-sign-in-swissid'?: string;
  [cssProperty: `--post-${string}`]: string | undefined;
};

const declaration = manifestDeclaration(manifest, 'post-login');

/** Private and protected fields and methods are in the manifest too; they are no control for anyone. */
const hiddenMembers = hiddenRows(
  declaration,
  (declaration?.members ?? [])
    .filter(
      (member) =>
        member.privacy === 'private' ||
        member.privacy === 'protected' ||
        member.kind === 'method' ||
        ['profile', 'status'].includes(member.name),
    )
    // The property twins of attributes: the attributes (`client-id`, ...) are the controls.
    .concat(
      ['clientId', 'redirectUri', 'popupRedirectUri', 'postLogoutRedirectUri', 'legacyAuthority', 'legacyClientId'].map(
        (name) => ({ name, kind: 'field' }),
      ),
    )
    .map((member) => member.name),
);


const account = (id: string, fields: Partial<Account> & Pick<Account, 'email'>): Account => ({
  id: `storybook-${id}`,
  type: 'private',
  company: null,
  role: 'customer',
  ...fields,
});

const anna: Profile = {
  sub: 'storybook-anna',
  name: 'Anna Muster',
  email: 'anna.muster@example.ch',
  accountType: 'private',
  role: null,
  company: null,
  login: 'swissid',
  accounts: [account('anna', { email: 'anna.muster@example.ch' })],
  linked: true,
};

const marc: Profile = {
  sub: 'storybook-marc',
  name: 'Marc Keller',
  email: 'marc.keller@keller-logistik.example.ch',
  accountType: 'business',
  role: 'superadmin',
  company: 'Keller Logistik AG',
  login: 'swissid',
  accounts: [account('marc', { type: 'business', company: 'Keller Logistik AG', role: 'superadmin', email: 'marc.keller@keller-logistik.example.ch' })],
  linked: true,
};

const lea: Profile = {
  sub: 'storybook-lea',
  name: 'Lea Rossi',
  email: 'lea.rossi@keller-logistik.example.ch',
  accountType: 'business',
  role: 'user',
  company: 'Keller Logistik AG',
  login: 'swissid',
  accounts: [account('lea', { type: 'business', company: 'Keller Logistik AG', role: 'user', email: 'lea.rossi@keller-logistik.example.ch' })],
  linked: true,
};

/** A customer who still signs in with the older Post customer login (not linked to SwissID yet): two accounts. */
const thomasPrivate = account('thomas-private', { email: 'thomas.both@example.ch' });
const thomasBusiness = account('thomas-business', {
  type: 'business',
  company: 'Both Treuhand GmbH',
  role: 'superadmin',
  email: 'thomas@both-treuhand.ch',
});
const thomas: Profile = {
  sub: 'storybook-thomas',
  name: 'Thomas Both',
  email: 'thomas.both@example.ch',
  accountType: 'private',
  role: null,
  company: null,
  login: 'post',
  accounts: [thomasPrivate, thomasBusiness],
  linked: false,
};

/** Thomas after linking: signed in with his SwissID, all his accounts under it, each with its own e-mail. */
const thomasWithSwissid: Profile = {
  ...thomas,
  sub: 'storybook-thomas-swissid',
  name: 'Thomas Both',
  email: 'thomas.swissid@example.ch',
  login: 'swissid',
  linked: true,
};

/** The older Post customer login next to SwissID (`legacy-authority` and `legacy-client-id`). */
const legacy = { 'legacy-authority': 'https://login.post.example', 'legacy-client-id': 'storybook' } as const;

function renderLogin(args: Partial<Args>) {
  return html`<post-login
    authority=${args.authority ?? nothing}
    client-id=${args['client-id'] ?? nothing}
    flow=${args.flow ?? nothing}
    legacy-authority=${ifDefined(args['legacy-authority'] || undefined)}
    legacy-client-id=${ifDefined(args['legacy-client-id'] || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    text-sign-in-swissid=${ifDefined(args['text-sign-in-swissid'] || undefined)}
    style=${styleMap(cssProperties(args))}
    .preview=${args.preview ?? null}
    .texts=${args.texts ?? {}}
  ></post-login>`;
}

const element = (canvasElement: HTMLElement): PostLogin => storyElement(canvasElement, 'post-login');
const painted = (canvasElement: HTMLElement) => paintedShadow(canvasElement, 'post-login', '[part~="mask"], [part~="user-button"]');

/** Waits for the first paint, then clicks a part in the shadow root and waits for its popover to be open. */
async function openPopover(canvasElement: HTMLElement, part: 'user-button' | 'help-button', panel: 'user-menu' | 'help') {
  const login = element(canvasElement);
  const button = await waitFor(() => {
    const found = login.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`);
    if (!found) throw new Error(`[part~="${part}"] is not rendered`);
    return found;
  });
  button.click();
  await waitFor(() => {
    const popover = login.shadowRoot?.querySelector<HTMLElement>(`[part~="${panel}"]`);
    expect(popover?.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // Positioned by @floating-ui once open.
    expect(popover?.style.top).not.toBe('');
    // The help text comes with the language chunk, which may still be on its way.
    if (panel === 'help') expect(popover?.querySelector('h3')).not.toBeNull();
  });
}

const meta: Meta<Args> = {
  title: 'Components/post-login',
  component: 'post-login',
  render: renderLogin,
  args: {
    authority: 'https://swissid.example',
    'client-id': 'storybook',
    flow: 'redirect',
    preview: { status: 'signed-out' },
    texts: {},
  },
  argTypes: {
    ...hiddenMembers,
    ...cssPropertyControls(declaration),
    flow: { control: 'inline-radio', options: ['redirect', 'popup'] },
    lang: {
      control: 'inline-radio',
      options: ['', 'de', 'fr', 'it', 'en'],
      description: "The element's own language; empty follows the page (toolbar: Language).",
      table: { category: 'attributes' },
    },
    preview: { control: 'object' },
    texts: { control: 'object' },
    'text-sign-in-swissid': {
      control: 'text',
      description: 'Any `text-*` attribute overrides the string of the same key (here `signInSwissid`).',
      table: { category: 'attributes' },
    },
  },
  parameters: componentDocs(declaration, 'The stories paint each state through the `preview` property: no provider is contacted.'),
};

export default meta;
type Story = StoryObj<Args>;

// --- Signed out and signing in -------------------------------------------------------------------------------

export const SignedOut: Story = {
  name: 'Signed out',
  parameters: describe(
    'What a customer sees before signing in: the title, one line on SwissID, the help button (?) and "Login with SwissID".',
  ),
};

export const SigningInRedirect: Story = {
  name: 'Signing in (redirect)',
  args: { preview: { status: 'signing-in' } },
  parameters: describe(
    'The customer clicked "Login with SwissID" and the page is about to go to SwissID (or is back from it and the sign-in is being checked). The button is disabled and a status line says what is happening.',
  ),
};

export const SigningInPopup: Story = {
  name: 'Signing in (popup)',
  args: { flow: 'popup', preview: { status: 'signing-in' } },
  parameters: describe(
    'With `flow="popup"` SwissID opens in its own window. While it is open the mask asks the customer to finish signing in there.',
  ),
};

export const PopupLandingPage: Story = {
  name: 'Popup landing page',
  args: { flow: 'popup', preview: { popupRelayed: true } },
  parameters: describe(
    'What the SwissID popup window shows for a moment after the sign-in: the result has been handed to the page that opened it and the window closes itself (or the customer may close it).',
  ),
};

export const HelpOpen: Story = {
  name: 'Help open',
  parameters: describe(
    'The help popover behind the ? button: why SwissID, whom to call about SwissID and SuisseID (SwissSign), business accounts with several users and the Contact Center. Escape, the × button or a click outside close it.',
  ),
  play: async ({ canvasElement }) => openPopover(canvasElement, 'help-button', 'help'),
};

// --- Two login methods: SwissID and the older Post customer login -------------------------------------------

export const TwoMethods: Story = {
  name: 'Two methods: SwissID and Post customer login',
  args: { ...legacy },
  parameters: describe(
    'During the move to SwissID a site also sets `legacy-authority` and `legacy-client-id`: "Login with SwissID" stays the main action, and below it customers whose Post customer login is not linked to SwissID yet can log in as usual.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelector('[part~="sign-in-button"]')).not.toBeNull();
    expect(root.querySelector('[part~="legacy-sign-in-button"]')).not.toBeNull();
    expect(root.querySelector('[part~="last-used"]')).toBeNull();
  },
};

export const TwoMethodsLastUsed: Story = {
  name: 'Two methods: Post customer login used last',
  args: { ...legacy, preview: { status: 'signed-out', lastMethod: 'post' } },
  parameters: describe(
    'The customer last signed in on this device with the older Post customer login, so that button is marked "last used on this device". Only the method is remembered, no personal data.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelectorAll('[part~="last-used"]')).toHaveLength(1);
    expect(root.querySelector('[part~="legacy-sign-in-button"] [part~="last-used"]')).not.toBeNull();
  },
};

export const SignedInLegacy: Story = {
  name: 'Signed in with the Post customer login',
  args: { ...legacy, preview: { status: 'signed-in', profile: thomas } },
  parameters: describe(
    'A customer signed in with the older Post customer login (not with SwissID). The user menu says "Signed in with the Post customer login"; a `<swissid-link-banner>` on the page would invite them to link to SwissID.',
  ),
  play: async ({ canvasElement }) => openPopover(canvasElement, 'user-button', 'user-menu'),
};

// --- Errors --------------------------------------------------------------------------------------------------

const errorDescriptions: Record<Exclude<ErrorCode, 'account_unavailable' | 'renewal_failed' | 'signed_out'>, string> = {
  popup_blocked:
    'The browser blocked the SwissID window. The customer has to allow pop-ups for the site and try again.',
  popup_closed: 'The customer closed the SwissID window before finishing. Nothing happened; they can try again.',
  popup_timeout: 'The SwissID window stayed open too long without a result. The customer is asked to try again.',
  cancelled: 'The customer cancelled at SwissID. They are not signed in and can try again at any time.',
  response_invalid:
    'The answer coming back from SwissID failed a check (state, issuer or format). For safety the customer is not signed in; if it keeps happening they should contact SwissSign.',
  id_token_invalid:
    'SwissID answered, but the ID token failed a check (signature, audience, expiry, nonce). For safety the customer is not signed in.',
  provider_error: 'SwissID reported an error. The customer can try later or contact SwissSign.',
  provider_unreachable: 'SwissID could not be reached (offline, DNS, outage). The customer can check their connection and try again.',
  config_invalid:
    'The site set the element up wrongly (authority or client id missing or invalid). The customer cannot fix it: there is no retry and the button is disabled; the message asks them to tell the site operator.',
};

function errorStory(error: keyof typeof errorDescriptions, flow: 'redirect' | 'popup' = 'redirect'): Story {
  return {
    args: { flow, preview: { status: 'signed-out', error } },
    parameters: describe(errorDescriptions[error]),
  };
}

export const ErrorPopupBlocked: Story = { ...errorStory('popup_blocked', 'popup'), name: 'Error: popup_blocked' };
export const ErrorPopupClosed: Story = { ...errorStory('popup_closed', 'popup'), name: 'Error: popup_closed' };
export const ErrorPopupTimeout: Story = { ...errorStory('popup_timeout', 'popup'), name: 'Error: popup_timeout' };
export const ErrorCancelled: Story = { ...errorStory('cancelled'), name: 'Error: cancelled' };
export const ErrorResponseInvalid: Story = { ...errorStory('response_invalid'), name: 'Error: response_invalid' };
export const ErrorIdTokenInvalid: Story = { ...errorStory('id_token_invalid'), name: 'Error: id_token_invalid' };
export const ErrorProviderError: Story = { ...errorStory('provider_error'), name: 'Error: provider_error' };
export const ErrorProviderUnreachable: Story = { ...errorStory('provider_unreachable'), name: 'Error: provider_unreachable' };
export const ErrorConfigInvalid: Story = { ...errorStory('config_invalid'), name: 'Error: config_invalid' };

export const NotConfigured: Story = {
  name: 'Error: not configured (live)',
  args: { authority: '', 'client-id': '', preview: null },
  parameters: describe(
    'The same configuration error without `preview`: the element is missing `authority` and `client-id`, so it paints the error itself and fires `post-login-error` with code `config_invalid`.',
  ),
};

export const AllMessages: Story = {
  name: 'All messages side by side',
  render: (args) => html`<div style="display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));">
    ${(Object.keys(errorDescriptions) as (keyof typeof errorDescriptions)[]).map((error) =>
      renderLogin({ ...args, flow: error.startsWith('popup') ? 'popup' : 'redirect', preview: { status: 'signed-out', error } }),
    )}
    ${renderLogin({ ...args, preview: { status: 'expired', notice: 'sessionExpired' } })}
    ${renderLogin({ ...args, preview: { status: 'signed-out', notice: 'signedOutElsewhere' } })}
    ${renderLogin({ ...args, preview: { status: 'signed-out', notice: 'signedOutHereOnly' } })}
  </div>`,
  parameters: {
    ...describe('Every error and notice at once, to compare wording, length and layout. The language follows the toolbar.'),
    layout: 'fullscreen',
  },
};

// --- Notices -------------------------------------------------------------------------------------------------

export const SessionExpired: Story = {
  name: 'Session expired',
  args: { preview: { status: 'expired', notice: 'sessionExpired' } },
  parameters: describe(
    'The customer was signed in, but the session could not be renewed (it ran out or SwissID refused). They are asked to sign in again.',
  ),
};

export const SignedOutElsewhere: Story = {
  name: 'Signed out in another tab',
  args: { preview: { status: 'signed-out', notice: 'signedOutElsewhere' } },
  parameters: describe('The customer logged out in another tab or window of the same site; this tab follows and says so.'),
};

export const SignedOutHereOnly: Story = {
  name: 'Logged out on this device only',
  args: { preview: { status: 'signed-out', notice: 'signedOutHereOnly' } },
  parameters: describe(
    'The customer logged out, but the login service could not be reached to end its own session. They are signed out on this device, the next sign-in here asks for the password again, and the notice tells them to close the browser on a shared computer.',
  ),
};

// --- Signed in -----------------------------------------------------------------------------------------------

export const SignedInPrivate: Story = {
  name: 'Signed in: private customer',
  args: { preview: { status: 'signed-in', profile: anna } },
  parameters: describe('A private customer is signed in: the mask gives way to a button with their name that opens the user menu.'),
};

export const SignedInBusinessSuperadmin: Story = {
  name: 'Signed in: business superadministrator',
  args: { preview: { status: 'signed-in', profile: marc } },
  parameters: describe(
    'A superadministrator of a business account (manages the company’s users). The menu shows company and role.',
  ),
  play: async ({ canvasElement }) => openPopover(canvasElement, 'user-button', 'user-menu'),
};

export const SignedInBusinessUser: Story = {
  name: 'Signed in: business user',
  args: { preview: { status: 'signed-in', profile: lea } },
  parameters: describe('A user of a business account (managed by a superadministrator). The menu shows company and role.'),
  play: async ({ canvasElement }) => openPopover(canvasElement, 'user-button', 'user-menu'),
};

export const UserMenuOpen: Story = {
  name: 'Signed in: user menu open',
  args: { preview: { status: 'signed-in', profile: anna } },
  parameters: describe(
    'The user menu: name, e-mail, customer type, "Signed in with SwissID" and "Log out". Escape or a click outside closes it.',
  ),
  play: async ({ canvasElement }) => openPopover(canvasElement, 'user-button', 'user-menu'),
};

// --- Accounts ------------------------------------------------------------------------------------------------

export const AccountsOne: Story = {
  name: 'Accounts: one account',
  args: { preview: { status: 'signed-in', profile: anna } },
  parameters: describe('One account: the menu names it (private customer) and offers no switch.'),
  play: async ({ canvasElement }) => {
    await openPopover(canvasElement, 'user-button', 'user-menu');
    expect(element(canvasElement).shadowRoot!.querySelector('[part~="account-button"]')).toBeNull();
  },
};

export const AccountsSeveral: Story = {
  name: 'Accounts: several, under one SwissID',
  args: { preview: { status: 'signed-in', profile: thomasWithSwissid } },
  parameters: describe(
    'One SwissID, all accounts (the source text’s promise): the header shows the person (the SwissID’s name and e-mail) and the account they act for; the menu lists every account, private and business, each with its own registered e-mail, the acting one pressed. Choosing another switches the acting account, on this device and in the other tabs.',
  ),
  play: async ({ canvasElement }) => {
    await openPopover(canvasElement, 'user-button', 'user-menu');
    const buttons = [...element(canvasElement).shadowRoot!.querySelectorAll('[part~="account-button"]')];
    expect(buttons.map((button) => button.getAttribute('aria-current'))).toEqual(['true', 'false']);
  },
};

export const AccountsBusinessRoles: Story = {
  name: 'Accounts: acting for a company',
  args: { preview: { status: 'signed-in', profile: thomasWithSwissid, account: thomasBusiness } },
  parameters: describe('Acting for the business account: the header shows the company and the role there (superadministrator).'),
  play: async ({ canvasElement }) => {
    await painted(canvasElement);
    expect(element(canvasElement).shadowRoot!.querySelector('[part~="acting-account"]')?.textContent).toContain('Both Treuhand GmbH');
  },
};

export const AccountsSwitched: Story = {
  name: 'Accounts: just switched',
  args: { preview: { status: 'signed-in', profile: thomasWithSwissid, account: thomasBusiness, menuNote: 'accountSwitched' } },
  parameters: describe('Right after a switch: the menu says (and a screen reader announces) for which account the customer now acts.'),
  play: async ({ canvasElement }) => openPopover(canvasElement, 'user-button', 'user-menu'),
};

export const AccountsLinkFromMenu: Story = {
  name: 'Accounts: older login, link from the menu',
  args: { ...legacy, preview: { status: 'signed-in', profile: thomas, menuNote: 'linkElsewhere' } },
  parameters: describe(
    'Signed in with an older login that is not linked: the menu offers "Link to SwissID" (the source text’s way from "My profile"), so "Later" in the banner is never a dead end. A `<swissid-link-banner>` on the page takes it; without one, the menu says where linking is done.',
  ),
  play: async ({ canvasElement }) => {
    await openPopover(canvasElement, 'user-button', 'user-menu');
    expect(element(canvasElement).shadowRoot!.querySelector('[part~="link-button"]')).not.toBeNull();
  },
};

function accountsLanguageStory(lang: 'de' | 'fr' | 'it' | 'en', name: string): Story {
  return {
    name: `Accounts: ${name}`,
    args: { lang, preview: { status: 'signed-in', profile: thomasWithSwissid, account: thomasBusiness, menuNote: 'accountSwitched' } },
    parameters: describe(`The account menu in ${name}.`),
    play: async ({ canvasElement }) => openPopover(canvasElement, 'user-button', 'user-menu'),
  };
}

export const AccountsGerman: Story = accountsLanguageStory('de', 'Deutsch');
export const AccountsFrench: Story = accountsLanguageStory('fr', 'Français');
export const AccountsItalian: Story = accountsLanguageStory('it', 'Italiano');
export const AccountsEnglish: Story = accountsLanguageStory('en', 'English');

export const AccountUnavailable: Story = {
  name: 'Signed in: account details unavailable',
  args: {
    preview: {
      status: 'signed-in',
      profile: { ...anna, accountType: null, accounts: [] },
      accountUnavailable: true,
    },
  },
  parameters: describe(
    'The customer is signed in, but the Post account API could not be read: the menu shows what the ID token says (name, e-mail, no customer type) and offers to try again.',
  ),
  play: async ({ canvasElement }) => openPopover(canvasElement, 'user-button', 'user-menu'),
};

// --- Languages -----------------------------------------------------------------------------------------------

function languageStory(lang: 'de' | 'fr' | 'it' | 'en', name: string): Story {
  return {
    args: { lang },
    parameters: describe(
      `The mask in ${name}, set by the element's own \`lang="${lang}"\` (which wins over the page's language in the toolbar).`,
    ),
  };
}

export const LanguageGerman: Story = { ...languageStory('de', 'Deutsch'), name: 'Language: Deutsch' };
export const LanguageFrench: Story = { ...languageStory('fr', 'Français'), name: 'Language: Français' };
export const LanguageItalian: Story = { ...languageStory('it', 'Italiano'), name: 'Language: Italiano' };
export const LanguageEnglish: Story = { ...languageStory('en', 'English'), name: 'Language: English' };

// --- Customisation -------------------------------------------------------------------------------------------

export const TextOverrides: Story = {
  name: 'Text overrides',
  args: {
    texts: {
      maskTitle: 'Anmelden bei Meine Sendungen',
      maskIntro: 'Mit Ihrem SwissID-Login sehen Sie alle Sendungen an Ihre Adresse.',
    },
    'text-sign-in-swissid': 'Weiter mit SwissID',
  },
  parameters: describe(
    'A site can replace any string: here the title and intro through the `texts` property and the button through the `text-sign-in-swissid` attribute.',
  ),
};

export const Theming: Story = {
  name: 'Theming with --post-* properties',
  args: {
    '--post-color-primary': '#004976',
    '--post-color-on-primary': '#ffffff',
    '--post-color-background': '#f4f3f1',
    '--post-color-surface': '#004976',
    '--post-color-accent': '#006d68',
    '--post-color-focus': '#e03c31',
    '--post-radius': '0',
    '--post-space': '1.5rem',
    '--post-font-family': 'Georgia, serif',
  },
  parameters: describe(
    'A host page restyles the element with `--post-*` custom properties only (here nightblue actions, grey background, square corners, a serif font). Check contrast when changing colours.',
  ),
};

// --- Robustness ----------------------------------------------------------------------------------------------

export const HostileStrings: Story = {
  name: 'Hostile strings are shown as text',
  args: {
    preview: {
      status: 'signed-in',
      profile: {
        ...marc,
        name: hostile,
        email: '"><script>alert(2)</script>@example.ch',
        company: '<b onmouseover=alert(3)>Evil AG</b>',
        accounts: [
          account('evil', { type: 'business', company: '<b onmouseover=alert(3)>Evil AG</b>', role: 'superadmin', email: '<img src=x onerror=alert(4)>' }),
          account('evil-private', { email: '"><script>alert(5)</script>@example.ch' }),
        ],
      },
    },
  },
  parameters: describe(
    'Profile data comes from SwissID and the account API, i.e. from outside. Markup in a name must appear literally, never as HTML.',
  ),
  play: async ({ canvasElement }) => {
    await openPopover(canvasElement, 'user-button', 'user-menu');
    const root = element(canvasElement).shadowRoot!;
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.querySelector('[part~="user-button"] .name')?.textContent).toBe(hostile);
    expect(root.querySelector('#user-menu .name')?.textContent).toBe(hostile);
  },
};
