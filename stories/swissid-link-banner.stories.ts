import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect } from 'storybook/test';
import manifest from '../custom-elements.json';
import type { LinkedAccount } from '../src/swissid-link-banner/link-api.js';
import type { LinkBannerMessages } from '../src/i18n/link-banner.en.js';
import '../src/swissid-link-banner/index.js';
import type { LinkErrorCode } from '../src/swissid-link-banner/swissid-link-banner.events.js';
import type { SwissIdLinkBannerView } from '../src/swissid-link-banner/swissid-link-banner.js';
import { componentDocs, cssProperties, describe, hiddenRows, hostile, manifestDeclaration, paintedShadow } from './support.js';

/**
 * Every state of `<swissid-link-banner>` for design review. Each story sets `preview`, which paints a fixed step
 * without a `<post-login>` or the account API: nobody is signed in, no request is made and the buttons do nothing.
 * The default step `hidden` paints nothing, so every story sets a visible one.
 */

type Args = {
  lang?: string;
  preview: Partial<SwissIdLinkBannerView> | null;
  texts: Partial<LinkBannerMessages>;
  'text-start'?: string;
  [cssProperty: `--post-${string}`]: string | undefined;
};

const thomasPrivate: LinkedAccount = {
  id: 'storybook-thomas-private',
  type: 'private',
  email: 'thomas.both@example.ch',
  company: null,
  role: null,
};

const thomasBusiness: LinkedAccount = {
  id: 'storybook-thomas-business',
  type: 'business',
  email: 'thomas@both-treuhand.ch',
  company: 'Both Treuhand GmbH',
  role: 'superadmin',
};

const accounts = [thomasPrivate, thomasBusiness];
const swissidEmail = 'new.swissid@example.ch';

function renderBanner(args: Partial<Args>) {
  return html`<swissid-link-banner
    lang=${ifDefined(args.lang || undefined)}
    text-start=${ifDefined(args['text-start'] || undefined)}
    style=${styleMap(cssProperties(args))}
    .preview=${args.preview ?? null}
    .texts=${args.texts ?? {}}
  ></swissid-link-banner>`;
}

const declaration = manifestDeclaration(manifest, 'swissid-link-banner');

const painted = (canvasElement: HTMLElement) => paintedShadow(canvasElement, 'swissid-link-banner', '[part~="banner"]');

/** The live banner follows a `<post-login>` on the page (`for`, `flow`, "Later"); in a preview they change nothing. */
const hiddenMembers = hiddenRows(declaration, ['for', 'flow', 'remind-after-days', 'remindAfterDays']);

const meta: Meta<Args> = {
  title: 'Components/swissid-link-banner',
  component: 'swissid-link-banner',
  render: renderBanner,
  args: {
    preview: { step: 'offer', invited: true, accounts },
    texts: {},
  },
  argTypes: {
    ...hiddenMembers,
    lang: {
      control: 'inline-radio',
      options: ['', 'de', 'fr', 'it', 'en'],
      description: "The element's own language; empty follows the page (toolbar: Language).",
      table: { category: 'attributes' },
    },
    preview: { control: 'object' },
    texts: { control: 'object' },
    'text-start': {
      control: 'text',
      description: 'Any `text-*` attribute overrides the string of the same key (here `start`).',
      table: { category: 'attributes' },
    },
    '--post-color-primary': { control: 'color' },
    '--post-color-surface': { control: 'color' },
  },
  parameters: componentDocs(
    declaration,
    'On a live page it appears by itself next to `<post-login>`; the stories paint each step through the `preview` property.',
  ),
};

export default meta;
type Story = StoryObj<Args>;

// --- Offer ---------------------------------------------------------------------------------------------------

export const OfferInvited: Story = {
  name: 'Offer: invited by e-mail',
  args: { preview: { step: 'offer', invited: true, accounts } },
  parameters: describe(
    'The customer signed in with the older Post customer login and received an e-mail inviting them to link. The banner refers to that e-mail, says what linking does (all accounts on one SwissID, data and e-mail addresses unchanged) and offers "Link to SwissID" or "Later".',
  ),
};

export const OfferNotInvited: Story = {
  name: 'Offer: without invitation',
  args: { preview: { step: 'offer', invited: false, accounts } },
  parameters: describe(
    'The same offer to a customer who was not invited (yet): they may link now anyway. "Later" hides the banner for this account for a week.',
  ),
};

// --- Steps ---------------------------------------------------------------------------------------------------

export const SigningIn: Story = {
  name: 'Step 1: signing in to SwissID',
  args: { preview: { step: 'signing-in', accounts } },
  parameters: describe(
    'The customer clicked "Link to SwissID". SwissID is open (popup) or about to open (redirect); they sign in with an existing SwissID or create one there.',
  ),
};

export const Confirm: Story = {
  name: 'Step 2: confirm the accounts',
  args: { preview: { step: 'confirm', accounts, swissidEmail } },
  parameters: describe(
    'Back from SwissID: the banner names the SwissID and lists every account that will be linked to it, here the private account of Thomas Both and the business account of Both Treuhand GmbH. Nothing is linked until "Link these accounts"; "Cancel" goes back to the offer.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    const items = [...root.querySelectorAll('[part~="accounts"] li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('thomas.both@example.ch');
    expect(items[1]).toContain('Both Treuhand GmbH, thomas@both-treuhand.ch');
  },
};

export const Linking: Story = {
  name: 'Step 2: linking',
  args: { preview: { step: 'linking', accounts, swissidEmail } },
  parameters: describe(
    'The customer confirmed; the accounts are being linked. The confirm button is marked busy and a status line says what is happening.',
  ),
};

export const Done: Story = {
  name: 'Step 3: done',
  args: { preview: { step: 'done', accounts, swissidEmail } },
  parameters: describe(
    'The accounts are linked to the SwissID new.swissid@example.ch. From now on the customer logs in with SwissID; each account keeps its own e-mail address.',
  ),
};

// --- Errors --------------------------------------------------------------------------------------------------

const errorDescriptions: Record<LinkErrorCode, string> = {
  cancelled:
    'The customer cancelled the SwissID sign-in (or closed its window). Nothing was linked; "Try again" starts over.',
  already_linked:
    'The older Post customer login was linked to a SwissID meanwhile (say, in another tab). The banner says so and that the customer logs in with SwissID from now on; there is no "Try again".',
  session_expired:
    'The session of the older Post customer login ran out while linking. Nothing was linked; the customer has to log in again first, so there is no "Try again".',
  unreachable: 'SwissID or the account API could not be reached. Nothing was linked; the customer can try again.',
  proof_invalid:
    'The SwissID sign-in came back but failed a security check. For safety nothing was linked; the customer can try again.',
};

function errorStory(error: LinkErrorCode): Story {
  return {
    name: `Error: ${error}`,
    args: { preview: { step: 'error', error, accounts, swissidEmail } },
    parameters: describe(errorDescriptions[error]),
  };
}

export const ErrorCancelled: Story = errorStory('cancelled');
export const ErrorAlreadyLinked: Story = errorStory('already_linked');
export const ErrorSessionExpired: Story = errorStory('session_expired');
export const ErrorUnreachable: Story = errorStory('unreachable');
export const ErrorProofInvalid: Story = errorStory('proof_invalid');

// --- Languages -----------------------------------------------------------------------------------------------

function languageStory(lang: 'de' | 'fr' | 'it' | 'en', name: string): Story {
  return {
    name: `Language: ${name}`,
    args: { lang, preview: { step: 'offer', invited: true, accounts } },
    parameters: describe(
      `The offer in ${name}, set by the element's own \`lang="${lang}"\` (which wins over the page's language in the toolbar).`,
    ),
  };
}

export const LanguageGerman: Story = languageStory('de', 'Deutsch');
export const LanguageFrench: Story = languageStory('fr', 'Français');
export const LanguageItalian: Story = languageStory('it', 'Italiano');
export const LanguageEnglish: Story = languageStory('en', 'English');

// --- Customisation -------------------------------------------------------------------------------------------

export const TextOverrides: Story = {
  name: 'Text overrides',
  args: {
    preview: { step: 'offer', invited: false, accounts },
    texts: {
      title: 'Meine Sendungen: jetzt mit SwissID',
      availableText: 'Verknüpfen Sie Ihr Kundenlogin mit SwissID, um Ihre Sendungen weiterhin zu sehen.',
    },
    'text-start': 'Jetzt verknüpfen',
  },
  parameters: describe(
    'A site can replace any string: here the title and the first line through the `texts` property and the main button through the `text-start` attribute.',
  ),
};

// --- Robustness ----------------------------------------------------------------------------------------------

export const HostileStrings: Story = {
  name: 'Hostile strings are shown as text',
  args: {
    preview: {
      step: 'confirm',
      swissidEmail: '"><script>alert(2)</script>@example.ch',
      accounts: [
        { ...thomasPrivate, email: hostile },
        { ...thomasBusiness, company: hostile, email: '<b onmouseover=alert(3)>evil@example.ch</b>' },
      ],
    },
  },
  parameters: describe(
    'Account data and the SwissID e-mail come from outside (the account API, SwissID). Markup in them must appear literally, never as HTML.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelector('img, script, b')).toBeNull();
    const items = [...root.querySelectorAll('[part~="accounts"] li')].map((item) => item.textContent ?? '');
    expect(items[0]).toContain(hostile);
    expect(items[1]).toContain(`${hostile}, <b onmouseover=alert(3)>evil@example.ch</b>`);
    expect(root.textContent).toContain('"><script>alert(2)</script>@example.ch');
  },
};
