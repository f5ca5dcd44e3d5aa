import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor } from 'storybook/test';
import manifest from '../custom-elements.json';
import '../src/address-picker/index.js';
import type { AddressErrorCode } from '../src/address-picker/address-picker.events.js';
import type { AddressPickerView } from '../src/address-picker/address-picker.js';
import { ADDRESS_SERVICES, type Address, type AddressBook, type AddressDraft, type AddressService } from '../src/address-picker/address-api.js';
import type { AddressPickerMessages } from '../src/i18n/address-picker.en.js';
import {
  componentDocs,
  cssProperties,
  cssPropertyControls,
  describe,
  hiddenRows,
  hostile,
  manifestDeclaration,
  paintedShadow,
} from './support.js';

/**
 * Every state of `<address-picker>` for design review. Each story sets `preview`, which paints a fixed state without a
 * `<post-login>` or the account API: nobody is signed in, nothing is loaded or saved. Choosing in the list, "Edit" and
 * "Add" still work on the page (they change nothing anywhere else); "Save", "Retry" and "Log in again" do nothing.
 * Controls come from custom-elements.json. The addresses are those of the reference backend's demo customers
 * (demo/server/demo-data.mjs).
 */

type Args = {
  lang?: string;
  service: AddressService;
  name?: string;
  value?: string;
  required?: boolean;
  disabled?: boolean;
  preview: Partial<AddressPickerView> | null;
  texts: Partial<AddressPickerMessages>;
  'text-choose-label'?: string;
  [cssProperty: `--post-${string}`]: string | undefined;
};

// --- Demo customers ------------------------------------------------------------------------------------------

const EMPTY = { name: '', company: '', coName: '', street: '', houseNumber: '', poBox: '', postcode: '', locality: '' };
const address = (id: string, fields: Partial<Address>): Address => ({ id, version: 1, services: [], ...EMPTY, ...fields });
const newDraft = (fields: Partial<AddressDraft> = {}): AddressDraft => ({
  ...EMPTY,
  id: null,
  version: 0,
  services: ['forwarding'],
  ...fields,
});

/** Anna Muster, private customer: one online-services address allowed, and she has it. */
const annaBilling = address('e1b2c3d4-0001-4000-8000-000000000001', {
  name: 'Anna Muster',
  street: 'Kramgasse',
  houseNumber: '12',
  postcode: '3000',
  locality: 'Bern',
});
const annaOnline = address('e1b2c3d4-0002-4000-8000-000000000002', {
  name: 'Anna Muster',
  coName: 'Beat Muster',
  street: 'Länggassstrasse',
  houseNumber: '7a',
  postcode: '3000',
  locality: 'Bern',
  services: [...ADDRESS_SERVICES],
});
const anna: AddressBook = { billing: annaBilling, online: [annaOnline], limits: { maxOnline: 1, canEdit: true, canAdd: false, writable: true } };

/** Keller Logistik AG, business customer: three online-services addresses allowed, managed by the administrator. */
const kellerBilling = address('e1b2c3d4-0003-4000-8000-000000000003', {
  company: 'Keller Logistik AG',
  street: 'Hardturmstrasse',
  houseNumber: '101',
  postcode: '8000',
  locality: 'Zürich',
});
const kellerZurich = address('e1b2c3d4-0004-4000-8000-000000000004', {
  company: 'Keller Logistik AG',
  street: 'Hardturmstrasse',
  houseNumber: '101',
  poBox: '2040',
  postcode: '8000',
  locality: 'Zürich',
  services: [...ADDRESS_SERVICES],
});
const kellerAarau = address('e1b2c3d4-0005-4000-8000-000000000005', {
  company: 'Keller Logistik AG',
  coName: 'Lager Aarau',
  street: 'Industriestrasse',
  houseNumber: '8',
  postcode: '5000',
  locality: 'Aarau',
  services: ['forwarding'],
});
/** A third address, as Marc would add it (not in the demo database). */
const kellerBasel = address('storybook-keller-basel', {
  company: 'Keller Logistik AG',
  coName: 'Filiale Basel',
  street: 'Güterstrasse',
  houseNumber: '120',
  postcode: '4053',
  locality: 'Basel',
  services: ['forwarding', 'sub-address'],
});
/** Marc Keller, superadministrator: may edit and add. */
const marc: AddressBook = {
  billing: kellerBilling,
  online: [kellerZurich, kellerAarau],
  limits: { maxOnline: 3, canEdit: true, canAdd: true, writable: true },
};
/** Marc with all three addresses: the list has three choices, and the limit is reached. */
const marcFull: AddressBook = { ...marc, online: [kellerZurich, kellerAarau, kellerBasel], limits: { ...marc.limits, canAdd: false } };
/** Anna on a partner site: it may read her addresses (with her consent at SwissID), not change them. */
const annaAtPartner: AddressBook = { ...anna, limits: { ...anna.limits, canEdit: false, writable: false } };

/** Peter Brunner, private customer of the older Post login: a billing address, no online-services address yet. */
const peter: AddressBook = {
  billing: address('e1b2c3d4-1003-4000-8000-000000001003', {
    name: 'Peter Brunner',
    street: 'Via Nassa',
    houseNumber: '5',
    postcode: '6900',
    locality: 'Lugano',
  }),
  online: [],
  limits: { maxOnline: 1, canEdit: true, canAdd: true, writable: true },
};

const ready = (book: AddressBook, more: Partial<AddressPickerView> = {}): Partial<AddressPickerView> => ({ status: 'ready', book, ...more });

// --- Rendering -----------------------------------------------------------------------------------------------

function renderPicker(args: Partial<Args>) {
  return html`<address-picker
    lang=${ifDefined(args.lang || undefined)}
    service=${args.service ?? nothing}
    name=${ifDefined(args.name || undefined)}
    value=${ifDefined(args.value || undefined)}
    ?required=${args.required ?? false}
    ?disabled=${args.disabled ?? false}
    text-choose-label=${ifDefined(args['text-choose-label'] || undefined)}
    style=${styleMap(cssProperties(args))}
    .preview=${args.preview ?? null}
    .texts=${args.texts ?? {}}
  ></address-picker>`;
}

const painted = (canvasElement: HTMLElement) => paintedShadow(canvasElement, 'address-picker', '.picker');
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits for the first paint, opens the list with a click and waits until it is shown and positioned. */
async function openList(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = await painted(canvasElement);
  const combobox = await waitFor(() => {
    const found = root.querySelector<HTMLElement>('[part~="combobox"]');
    if (!found) throw new Error('[part~="combobox"] is not rendered');
    return found;
  });
  combobox.click();
  await waitFor(() => {
    const listbox = root.querySelector<HTMLElement>('[part~="listbox"]');
    expect(listbox?.hidden).toBe(false);
    expect(combobox.getAttribute('aria-expanded')).toBe('true');
    // Positioned by @floating-ui once open.
    expect(listbox?.style.top).not.toBe('');
  });
  return root;
}

/** The live picker loads with the session of a `<post-login>` on the page; in a preview these change nothing. */
const declaration = manifestDeclaration(manifest, 'address-picker');
const hiddenMembers = hiddenRows(
  declaration,
  (declaration?.members ?? [])
    .filter(
      (member) =>
        member.kind === 'method' ||
        member.static ||
        // Protected members (form internals) are the element's own, nothing a page sets.
        member.privacy === 'protected' ||
        ['for', 'timeout', 'formAssociated', 'form', 'validity', 'validationMessage', 'willValidate'].includes(member.name),
    )
    .map((member) => member.name),
);

const meta: Meta<Args> = {
  title: 'Components/address-picker',
  component: 'address-picker',
  render: renderPicker,
  args: {
    service: 'forwarding',
    name: 'forwardingAddress',
    value: kellerZurich.id,
    required: false,
    disabled: false,
    preview: ready(marc),
    texts: {},
  },
  argTypes: {
    ...hiddenMembers,
    ...cssPropertyControls(declaration),
    lang: {
      control: 'inline-radio',
      options: ['', 'de', 'fr', 'it', 'en'],
      description: "The element's own language; empty follows the page (toolbar: Language, German by default).",
      table: { category: 'attributes' },
    },
    service: { control: 'inline-radio', options: [...ADDRESS_SERVICES] },
    value: { control: 'text' },
    preview: { control: 'object' },
    texts: { control: 'object' },
    'text-choose-label': {
      control: 'text',
      description: 'Any `text-*` attribute overrides the string of the same key (here `chooseLabel`; `{service}` is filled in).',
      table: { category: 'attributes' },
    },
  },
  parameters: componentDocs(
    declaration,
    'The billing address is changed by phone or through the customer advisor. The services: mail forwarding, PO boxes, sub-addresses or powers of attorney. The stories paint each state through the `preview` property; `value` is the chosen address id.',
  ),
};

export default meta;
type Story = StoryObj<Args>;

// --- Customers -----------------------------------------------------------------------------------------------

export const PrivateCustomer: Story = {
  name: 'Private customer: limit reached',
  args: { value: annaOnline.id, preview: ready(anna) },
  parameters: describe(
    'Anna Muster, a private customer: her billing address in Bern (with how to change it), and her one address for online services chosen for mail forwarding. A private customer may have one such address, so she can edit it but not add another; the note says to contact customer service for more.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(text(root.querySelector('[part~="billing"] address'))).toBe('Anna Muster Kramgasse 12 3000 Bern');
    expect(text(root.querySelector('[part~="combobox"]'))).toBe('Anna Muster, c/o Beat Muster, Länggassstrasse 7a, 3000 Bern');
    expect(root.querySelector('[part~="edit-button"]')).not.toBeNull();
    expect(root.querySelector('[part~="add-button"]')).toBeNull();
  },
};

export const BusinessAdministrator: Story = {
  name: 'Business administrator: edit and add',
  args: { preview: ready(marc) },
  parameters: describe(
    'Marc Keller, superadministrator of Keller Logistik AG: the company’s billing address, two of its three addresses for online services to choose from, and "Edit address" and "Add address".',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelectorAll('[role=option]')).toHaveLength(2);
    expect(root.querySelector('[part~="edit-button"]')).not.toBeNull();
    expect(root.querySelector('[part~="add-button"]')).not.toBeNull();
  },
};

/** Lea as the API describes her account now: a company's user who may save its address, with its administrator named. */
const leaMayEdit: AddressBook = { ...marc, limits: { ...marc.limits, managedBy: 'administrator' }, administrator: 'Marc Keller' };
const leaAccount = {
  id: 'storybook-lea',
  type: 'business',
  company: 'Keller Logistik AG',
  role: 'user',
  email: 'lea.rossi@example.ch',
} as const;

export const BusinessUserAgrees: Story = {
  name: 'Business user: agree with the administrator, then save',
  args: { value: kellerAarau.id, preview: ready(leaMayEdit, { account: leaAccount }) },
  parameters: describe(
    'Lea Rossi, a user of Keller Logistik AG, may edit and save the company’s address for online services; the note says to agree it with the company’s administrator first, and names him (the source text: agree it with the administrator, then save it under the company’s data).',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelector('[part~="edit-button"]')).not.toBeNull();
    expect(root.textContent).toContain('Marc Keller');
  },
};

export const RemoveConfirm: Story = {
  name: 'Remove: asked first',
  args: { value: kellerAarau.id, preview: ready(marc, { removal: { address: kellerAarau, busy: false } }) },
  parameters: describe('"Remove address" asks first, naming the address; it goes only on "Remove".'),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelector('[part~="confirm-remove-button"]')).not.toBeNull();
  },
};

export const Removed: Story = {
  name: 'Remove: done',
  args: { value: '', preview: ready({ ...marc, online: [kellerZurich] }, { removed: true }) },
  parameters: describe('The address was removed: the list no longer offers it, and a status line confirms it.'),
};

export const RemoveLastAddress: Story = {
  name: 'Remove: the last address stays',
  args: { value: annaOnline.id, preview: ready(anna, { error: 'last_address' }) },
  parameters: describe(
    'Anna tried to remove her only address for online services: it stays, and the alert says why and what to do (add another first, or ask customer service).',
  ),
};

export const SwitchWhileEditing: Story = {
  name: 'Account switched while editing',
  args: {
    value: kellerAarau.id,
    preview: ready(marc, {
      draft: { ...kellerAarau, coName: 'Lager Aarau, Rampe 3' },
      switchTo: { id: 'storybook-marc-private', type: 'private', company: null, role: 'customer', email: 'marc@example.ch' },
    }),
  },
  parameters: describe(
    'The customer switched to another account in the user menu while editing this one’s address: the edit is not thrown away unasked; they discard it, or finish it first (it is saved for the account it was made for).',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelector('[part~="switch-question"]')).not.toBeNull();
    expect(root.querySelector('[part~="form"]')).not.toBeNull();
  },
};

export const PartnerSite: Story = {
  name: 'Partner site: choose only',
  args: { value: annaOnline.id, preview: ready(annaAtPartner) },
  parameters: describe(
    'Anna on a partner’s site, which she allowed at SwissID to read her addresses: she chooses the address for the service, but changes it only in her customer account at Swiss Post, as the note says. A partner never gets the right to change addresses.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelector('[part~="edit-button"], [part~="add-button"]')).toBeNull();
    expect(root.querySelectorAll('.note')).toHaveLength(2); // the billing note and where to change addresses
  },
};

export const ListOpen: Story = {
  name: 'Several addresses: list open',
  args: { preview: ready(marcFull) },
  parameters: describe(
    'Keller Logistik AG with all three of its addresses for online services; the list is open with the chosen one marked. Arrow keys, Home/End and typing the first letters move through it, Enter or a click chooses, Escape closes. With three addresses the company has reached its limit, so there is no "Add address".',
  ),
  play: async ({ canvasElement }) => {
    const root = await openList(canvasElement);
    const options = [...root.querySelectorAll('[role=option]')].map((option) => text(option));
    expect(options).toEqual([
      'Keller Logistik AG, Hardturmstrasse 101, Postfach 2040, 8000 Zürich',
      'Keller Logistik AG, c/o Lager Aarau, Industriestrasse 8, 5000 Aarau',
      'Keller Logistik AG, c/o Filiale Basel, Güterstrasse 120, 4053 Basel',
    ]);
    expect(root.querySelector('[role=option][aria-selected=true]')?.id).toBe('option-0');
  },
};

export const NoneForService: Story = {
  name: 'No address for the service',
  args: { value: '', preview: ready(peter) },
  parameters: describe(
    'Peter Brunner came from the older Post customer login: he has a billing address in Lugano but no address for online services yet, so there is nothing to choose for mail forwarding. "Add address" opens the form.',
  ),
};

export const NoAccount: Story = {
  name: 'No customer account',
  args: { value: '', preview: ready({ billing: null, online: [], limits: { maxOnline: 0, canEdit: false, canAdd: false, writable: true } }) },
  parameters: describe('The login has no Post customer account with addresses (for example a new SwissID). There is nothing to choose.'),
};

// --- Loading -------------------------------------------------------------------------------------------------

export const Loading: Story = {
  name: 'Loading',
  args: { preview: { status: 'loading' } },
  parameters: describe('The customer is signed in and their addresses are being loaded from the account API.'),
};

export const LoadError: Story = {
  name: 'Load error',
  args: { preview: { status: 'load-error', error: 'unreachable' } },
  parameters: describe(
    'The addresses could not be loaded (here: the account API could not be reached). The alert says why and offers "Try again".',
  ),
};

export const SignedOut: Story = {
  name: 'Signed out',
  args: { preview: { status: 'signed-out' } },
  parameters: describe('Nobody is signed in with the page’s `<post-login>`: the picker asks the customer to log in to see their addresses.'),
};

// --- Editing -------------------------------------------------------------------------------------------------

export const AddForm: Story = {
  name: 'Add form',
  args: { value: '', preview: ready(peter, { draft: newDraft() }) },
  parameters: describe(
    'Peter Brunner adds his first address for online services. A name or a company and a street or a PO box are needed; the postcode fills in the locality from the directory (or offers its localities to choose from). Mail forwarding, the service of this picker, is ticked.',
  ),
};

export const EditForm: Story = {
  name: 'Edit form',
  args: { value: annaOnline.id, preview: ready(anna, { draft: { ...annaOnline }, localities: ['Bern'] }) },
  parameters: describe(
    'Anna Muster edits her address for online services: the form holds the saved values and the services it is used for.',
  ),
};

export const FieldErrorsMissing: Story = {
  name: 'Field errors: missing parts',
  args: {
    value: '',
    preview: ready(peter, {
      draft: newDraft({ coName: 'Beat <Brunner>', houseNumber: '5', postcode: '690', locality: 'Lugano', services: [] }),
      fieldErrors: {
        name: 'name_or_company',
        coName: 'invalid_characters',
        street: 'street_or_po_box',
        houseNumber: 'house_number_without_street',
        postcode: 'invalid_postcode',
        services: 'required',
      },
      error: 'validation',
    }),
  },
  parameters: describe(
    'Saving was refused before anything was sent: no name or company, a character not allowed in c/o, a house number without a street, a three-digit postcode and no service ticked. Each field says what is wrong and the first one gets the focus.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelectorAll('.error')).toHaveLength(6);
    expect(root.querySelectorAll('[aria-invalid=true]')).toHaveLength(5);
  },
};

export const FieldErrorsFormats: Story = {
  name: 'Field errors: lengths and formats',
  args: {
    value: '',
    preview: ready(peter, {
      draft: newDraft({
        name: 'Peter Brunner-Sonderegger, Treuhand- und Verwaltungsgesellschaft Sottoceneri',
        street: 'Via Nassa',
        houseNumber: 'fünf',
        poBox: 'PF 12',
        postcode: '6900',
      }),
      localities: ['Lugano', 'Massagno', 'Paradiso'],
      fieldErrors: { name: 'too_long', houseNumber: 'invalid_house_number', poBox: 'invalid_po_box', locality: 'required' },
      error: 'validation',
    }),
  },
  parameters: describe(
    'A name longer than 60 characters, a house number in words, "PF 12" instead of the PO box number alone, and no locality: the postcode 6900 has several (Lugano, Massagno, Paradiso), so the customer chooses one from the list.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelector('select#locality')).not.toBeNull();
    expect(root.querySelectorAll('.error')).toHaveLength(4);
  },
};

export const FieldErrorsDirectory: Story = {
  name: 'Field errors: postcode and locality',
  args: {
    value: kellerZurich.id,
    preview: ready(marc, {
      draft: newDraft({ company: 'Keller Logistik AG', street: 'Güterstrasse', houseNumber: '120', postcode: '8000', locality: 'Basel' }),
      localities: ['Zürich'],
      fieldErrors: { locality: 'locality_mismatch' },
      error: 'validation',
    }),
  },
  parameters: describe(
    'The postcode and the locality do not belong together according to the locality directory (8000 is Zürich, not Basel). The account API checks the same rules again and its field codes are shown the same way.',
  ),
};

export const FieldErrorsUnknownPostcode: Story = {
  name: 'Field errors: unknown postcode',
  args: {
    value: kellerZurich.id,
    preview: ready(marc, {
      draft: newDraft({ company: 'Keller Logistik AG', street: 'Güterstrasse', houseNumber: '120', postcode: '9999', locality: 'Basel' }),
      localities: [],
      fieldErrors: { postcode: 'unknown_postcode' },
      error: 'validation',
    }),
  },
  parameters: describe('A four-digit postcode that no Swiss locality has.'),
};

export const Saving: Story = {
  name: 'Saving',
  args: {
    value: annaOnline.id,
    preview: ready(anna, {
      draft: { ...annaOnline, coName: '', street: 'Effingerstrasse', houseNumber: '10', postcode: '3008' },
      localities: ['Bern'],
      saving: true,
    }),
  },
  parameters: describe(
    'Anna saves her changed address. The save button is marked busy (a second click sends nothing) and a status line says the address is being saved.',
  ),
};

const annaMoved = { ...annaOnline, version: 2, coName: '', street: 'Effingerstrasse', houseNumber: '10', postcode: '3008' };

export const Saved: Story = {
  name: 'Saved',
  args: { value: annaMoved.id, preview: ready({ ...anna, online: [annaMoved] }, { saved: true }) },
  parameters: describe('The address was saved: the form closes, the saved address is chosen, and a status line confirms it.'),
};

// --- Save errors ---------------------------------------------------------------------------------------------

type SaveError = Exclude<AddressErrorCode, 'validation' | 'conflict' | 'last_address'>;

const marcAdds = newDraft({ ...kellerBasel, id: null, version: 0 });

const saveErrors: Record<SaveError, { preview: Partial<AddressPickerView>; description: string }> = {
  unreachable: {
    preview: ready(marc, { draft: marcAdds, localities: ['Basel'], error: 'unreachable' }),
    description:
      'Marc adds the Basel address, but the account API could not be reached (offline, outage). Nothing was saved; what he typed is kept and he can save again (a retry never creates the address twice).',
  },
  timeout: {
    preview: ready(marc, { draft: marcAdds, localities: ['Basel'], error: 'timeout' }),
    description: 'The account API did not answer in time. What Marc typed is kept; saving again is safe.',
  },
  server: {
    preview: ready(marc, { draft: marcAdds, localities: ['Basel'], error: 'server' }),
    description: 'The account API failed (an error on the Post side). What Marc typed is kept; he can try again in a moment.',
  },
  malformed: {
    preview: ready(marc, { draft: marcAdds, localities: ['Basel'], error: 'malformed' }),
    description: 'The account API answered something that could not be read. What Marc typed is kept; he can try again.',
  },
  session_expired: {
    preview: { status: 'signed-out', book: marc, draft: marcAdds, localities: ['Basel'], error: 'session_expired' },
    description:
      'The session ran out while Marc was adding the address. The form stays with what he typed (also across a sign-in by redirect) and "Log in again" signs him in with the method he used; then he saves.',
  },
  limit_reached: {
    preview: ready(
      { ...marc, online: [kellerZurich, kellerAarau, { ...kellerBasel, id: 'storybook-keller-other-tab' }], limits: { ...marc.limits, canAdd: false } },
      { draft: newDraft({ company: 'Keller Logistik AG', coName: 'Filiale Genf', street: 'Rue du Rhône', houseNumber: '30', postcode: '1204', locality: 'Genève' }), error: 'limit_reached' },
    ),
    description:
      'Someone added the company’s third address in another window while Marc was adding a fourth: the account refused it. The alert says the limit is reached and how to get more (customer service).',
  },
  not_allowed: {
    preview: ready(anna, { draft: { ...annaOnline, coName: '' }, localities: ['Bern'], error: 'not_allowed' }),
    description:
      'The site’s access does not allow changes (a partner site may read addresses, not change them): the API refused the save. Nothing was saved; the alert says where Anna can change her addresses.',
  },
};

function saveErrorStory(error: SaveError): Story {
  return {
    name: `Save error: ${error}`,
    args: { value: kellerZurich.id, preview: saveErrors[error].preview },
    parameters: describe(saveErrors[error].description),
    play: async ({ canvasElement }) => {
      const root = await painted(canvasElement);
      expect(text(root.querySelector('[part~="message"]'))).not.toBe('');
      expect(root.querySelector('[part~="form"]')).not.toBeNull();
    },
  };
}

export const SaveErrorUnreachable: Story = saveErrorStory('unreachable');
export const SaveErrorTimeout: Story = saveErrorStory('timeout');
export const SaveErrorServer: Story = saveErrorStory('server');
export const SaveErrorMalformed: Story = saveErrorStory('malformed');
export const SaveErrorSessionExpired: Story = saveErrorStory('session_expired');
export const SaveErrorLimitReached: Story = saveErrorStory('limit_reached');
export const SaveErrorNotAllowed: Story = saveErrorStory('not_allowed');

export const Conflict: Story = {
  name: 'Save error: conflict',
  args: {
    value: kellerAarau.id,
    preview: ready(marc, {
      draft: { ...kellerAarau, coName: 'Lager Aarau, Rampe 3' },
      conflict: { ...kellerAarau, version: 2, street: 'Industriestrasse', houseNumber: '10' },
      error: 'conflict',
    }),
  },
  parameters: describe(
    'While Marc edited the Aarau address, a colleague saved another version of it. Both versions are shown side by side; Marc keeps his or takes the saved one. Nothing is overwritten without his choice.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    const versions = [...root.querySelectorAll('[part~="conflict"] address')].map((node) => text(node));
    expect(versions).toEqual([
      'Keller Logistik AG c/o Lager Aarau, Rampe 3 Industriestrasse 8 5000 Aarau',
      'Keller Logistik AG c/o Lager Aarau Industriestrasse 10 5000 Aarau',
    ]);
  },
};

// --- Services ------------------------------------------------------------------------------------------------

const serviceDescriptions: Record<AddressService, [string, number]> = {
  forwarding: ['Mail forwarding (`service="forwarding"`): three of Keller Logistik AG’s addresses may be used for it.', 3],
  'po-box': ['PO boxes (`service="po-box"`): only the Zürich address with PO box 2040 may be used for it.', 1],
  'sub-address': ['Sub-addresses (`service="sub-address"`): the Zürich and Basel addresses may be used for it.', 2],
  'power-of-attorney': ['Powers of attorney (`service="power-of-attorney"`): only the Zürich address may be used for it.', 1],
};

function serviceStory(service: AddressService): Story {
  const [description, count] = serviceDescriptions[service];
  return {
    name: `Service: ${service}`,
    args: { service, preview: ready(marcFull) },
    parameters: describe(
      `${description} The picker lists only the addresses for its service, and its label and messages name the service.`,
    ),
    play: async ({ canvasElement }) => {
      const root = await painted(canvasElement);
      expect(root.querySelectorAll('[role=option]')).toHaveLength(count);
    },
  };
}

export const ServiceForwarding: Story = serviceStory('forwarding');
export const ServicePoBox: Story = serviceStory('po-box');
export const ServiceSubAddress: Story = serviceStory('sub-address');
export const ServicePowerOfAttorney: Story = serviceStory('power-of-attorney');

// --- In a form -----------------------------------------------------------------------------------------------

/** A host page's form around the picker: submitting shows what the form would send instead of leaving the page. */
function renderInForm(args: Partial<Args>) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const output = form.querySelector('output')!;
    output.textContent = [...new FormData(form)].map(([key, value]) => `${key}=${String(value)}`).join('\n');
  };
  return html`<form @submit=${submit} style="display: grid; gap: 1rem; max-width: 36rem;">
    ${renderPicker(args)}
    <div><button type="submit">Nachsendung beantragen</button></div>
    <output style="white-space: pre-line; font-family: monospace;"></output>
  </form>`;
}

export const InFormRequired: Story = {
  name: 'In a form: no choice yet (required)',
  render: renderInForm,
  args: { value: '', required: true, preview: ready(marc) },
  parameters: describe(
    'The picker in a host page’s `<form>` with `required`: submitting without a choice is stopped like with a native field, and the picker says next to the field that an address is needed.',
  ),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    const form = canvasElement.querySelector('form')!;
    expect(form.checkValidity()).toBe(false);
    await waitFor(() => expect(text(root.querySelector('#choice-error'))).not.toBe(''));
    expect(root.querySelector('[part~="combobox"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(canvasElement.querySelector('output'))).toBe('');
  },
};

export const InFormChosen: Story = {
  name: 'In a form: the chosen address is submitted',
  render: renderInForm,
  args: { value: kellerAarau.id, required: true, preview: ready(marc) },
  parameters: describe(
    'With an address chosen the form submits: the picker adds its `name` with the chosen address id to the form data, shown here under the button instead of sending it.',
  ),
  play: async ({ canvasElement }) => {
    await painted(canvasElement);
    const form = canvasElement.querySelector('form')!;
    await waitFor(() => expect(form.checkValidity()).toBe(true));
    form.requestSubmit();
    expect(text(canvasElement.querySelector('output'))).toBe(`forwardingAddress=${kellerAarau.id}`);
  },
};

// --- Languages -----------------------------------------------------------------------------------------------

function languageStory(lang: 'de' | 'fr' | 'it' | 'en', name: string): Story {
  return {
    name: `Language: ${name}`,
    args: { lang, preview: ready(marc) },
    parameters: describe(
      `The business administrator's view in ${name}, set by the element's own \`lang="${lang}"\` (which wins over the page's language in the toolbar).`,
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
    preview: ready(anna),
    value: annaOnline.id,
    texts: { billingNote: 'Ihre Rechnungsadresse ändern Sie beim Kundendienst unter 0848 888 888.' },
    'text-choose-label': 'Wohin sollen wir Ihre Post nachsenden?',
  },
  parameters: describe(
    'A site can replace any string: here the billing note through the `texts` property and the label of the choice through the `text-choose-label` attribute.',
  ),
};

export const Theming: Story = {
  name: 'Theming with --post-* properties',
  args: {
    preview: ready(marc),
    '--post-color-surface': '#e6eef3',
    '--post-color-error': '#9e2a2f',
    '--post-color-primary': '#004976',
    '--post-color-on-primary': '#ffffff',
    '--post-color-focus': '#e03c31',
    '--post-radius': '0',
  },
  parameters: describe(
    'A host page restyles the picker with `--post-*` custom properties only (here a nightblue tint, square corners). Check contrast when changing colours.',
  ),
};

// --- Robustness ----------------------------------------------------------------------------------------------

const evil = '<b onmouseover=alert(3)>Evil AG</b>';

export const HostileStrings: Story = {
  name: 'Hostile strings are shown as text',
  args: {
    value: 'storybook-hostile-1',
    preview: ready({
      billing: { ...annaBilling, name: hostile, street: '"><script>alert(2)</script>' },
      online: [
        address('storybook-hostile-1', { name: hostile, company: evil, street: 'Kramgasse', houseNumber: '12', postcode: '3000', locality: 'Bern', services: ['forwarding'] }),
        address('storybook-hostile-2', { name: 'Anna Muster', coName: '<svg onload=alert(4)>', poBox: '318', postcode: '4000', locality: 'Basel', services: ['forwarding'] }),
      ],
      limits: { maxOnline: 3, canEdit: true, canAdd: true, writable: true },
    }),
  },
  parameters: describe(
    'Addresses come from the account API, i.e. from outside. Markup in them must appear literally in the billing address, the choice and the list, never as HTML.',
  ),
  play: async ({ canvasElement }) => {
    const root = await openList(canvasElement);
    expect(root.querySelector('img, script, b, svg')).toBeNull();
    expect(text(root.querySelector('[part~="billing"] address'))).toContain(`${hostile} "><script>alert(2)</script>`);
    expect(text(root.querySelector('[part~="combobox"]'))).toBe(`${evil}, ${hostile}, Kramgasse 12, 3000 Bern`);
    expect(text(root.querySelector('#option-1'))).toBe('Anna Muster, c/o <svg onload=alert(4)>, Postfach 318, 4000 Basel');
  },
};

export const HostileConflict: Story = {
  name: 'Hostile strings in a conflict',
  args: {
    value: kellerAarau.id,
    preview: ready(marc, {
      draft: { ...kellerAarau, coName: hostile },
      conflict: { ...kellerAarau, version: 2, company: evil },
      error: 'conflict',
    }),
  },
  parameters: describe('The same for both versions after a conflict: the customer’s draft and the version saved meanwhile.'),
  play: async ({ canvasElement }) => {
    const root = await painted(canvasElement);
    expect(root.querySelector('img, script, b')).toBeNull();
    const versions = [...root.querySelectorAll('[part~="conflict"] address')].map((node) => node.textContent ?? '');
    expect(versions[0]).toContain(`c/o ${hostile}`);
    expect(versions[1]).toContain(evil);
  },
};

export const Disabled: Story = {
  name: 'Disabled',
  args: { disabled: true, preview: ready(marc) },
  parameters: describe(
    'With `disabled` (or inside a disabled `<fieldset>`) nothing can be chosen or edited, and a host form neither submits nor checks the picker.',
  ),
};
