import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { AddressPickerErrorEvent, AddressPickerRemoveEvent, AddressPickerSaveEvent, type AddressPicker, type AddressPickerView } from '../../../src/index.js';
import '../../../src/index.js';
import type { Address, AddressBook } from '../../../src/address-picker/address-api.js';
import de from '../../../src/i18n/address-picker.de.js';
import en from '../../../src/i18n/address-picker.en.js';
import fr from '../../../src/i18n/address-picker.fr.js';
import it_ from '../../../src/i18n/address-picker.it.js';
import { assertAccessible, assertSameKeys, part, visibleText, waitFor } from '../support.js';

/**
 * The picker on its own, in Chromium and Firefox, driven through `preview` (nothing is loaded or saved): every state
 * and save error, the combobox by keyboard and pointer, the service filter, the host-form contract, languages and
 * overrides, hostile address text, and what the events carry. Loading and saving against the account API are in
 * test/browser/journeys.
 */
const EMPTY = { name: '', company: '', coName: '', street: '', houseNumber: '', poBox: '', postcode: '', locality: '' };
const address = (id: string, fields: Partial<Address>): Address => ({ id, version: 1, services: ['forwarding'], ...EMPTY, ...fields });

const billing = address('b1', { name: 'Anna Muster', street: 'Bahnhofstrasse', houseNumber: '1', postcode: '8001', locality: 'Zürich', services: [] });
const keller = address('o1', {
  name: 'Marc Keller',
  street: 'Wankdorfallee',
  houseNumber: '4',
  postcode: '3030',
  locality: 'Bern',
  services: ['forwarding', 'po-box'],
});
const rossi = address('o2', { company: 'Rossi AG', name: 'Lea Rossi', street: 'Via Nassa', houseNumber: '5', postcode: '6900', locality: 'Lugano' });
const muster = address('o3', { name: 'Anna Muster', poBox: '1234', postcode: '3000', locality: 'Bern 1', services: ['forwarding', 'sub-address'] });
/** How each is shown in the choice (German PO box word). */
const LINES = {
  o1: 'Marc Keller, Wankdorfallee 4, 3030 Bern',
  o2: 'Rossi AG, Lea Rossi, Via Nassa 5, 6900 Lugano',
  o3: 'Anna Muster, Postfach 1234, 3000 Bern 1',
};

const book = (online: Address[], limits: Partial<AddressBook['limits']> = {}, bill: Address | null = billing): AddressBook => ({
  billing: bill,
  online,
  limits: { maxOnline: 3, canEdit: true, canAdd: true, writable: true, ...limits },
});
const ready = (online: Address[] = [keller, rossi, muster], limits?: Partial<AddressBook['limits']>): Partial<AddressPickerView> => ({
  status: 'ready',
  book: book(online, limits),
});
const newDraft = { ...EMPTY, id: null, version: 0, services: ['forwarding' as const] };

interface MountOptions {
  lang?: string | null;
  attributes?: Record<string, string>;
  parent?: HTMLElement;
}

async function mount(preview: Partial<AddressPickerView> | null, { lang = 'de', attributes = {}, parent = document.body }: MountOptions = {}) {
  const element = document.createElement('address-picker');
  if (lang) element.setAttribute('lang', lang);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.preview = preview;
  parent.append(element);
  await waitFor(() => element.shadowRoot!.childElementCount > 0, 'render');
  await element.updateComplete;
  return element;
}

const combobox = (element: AddressPicker) => part(element, 'combobox')!;
/** Whether a part is rendered (a boolean: a failing assertion never has to print a lit element). */
const shows = (element: AddressPicker, name: string) => part(element, name) !== null;
const hasId = (element: AddressPicker, id: string) => element.shadowRoot!.getElementById(id) !== null;
/** What has focus inside the element: its part name, else its id. */
const focused = (element: AddressPicker) => {
  const active = element.shadowRoot!.activeElement;
  return active?.getAttribute('part') ?? active?.id ?? null;
};
const listbox = (element: AddressPicker) => part(element, 'listbox')!;
const options = (element: AddressPicker) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** What the visually hidden status region next to the combobox says. */
const announcement = (element: AddressPicker) => text(element.shadowRoot!.querySelector('.visually-hidden[role=status]'));

/** A real pointer click at the middle of a node (the page is the top-level document in both browsers). */
async function clickAt(node: Element): Promise<void> {
  const rect = node.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

async function press(element: AddressPicker, key: string): Promise<void> {
  await sendKeys({ press: key });
  await element.updateComplete;
}

/** The text of the option `aria-activedescendant` points to (checked to be an option of this element). */
function activeOption(element: AddressPicker): string {
  const id = combobox(element).getAttribute('aria-activedescendant');
  expect(id, 'aria-activedescendant').to.be.a('string');
  const option = element.shadowRoot!.getElementById(id!);
  expect(option?.getAttribute('role'), `${id} is an option`).to.equal('option');
  return text(option);
}

/** An event's own fields, besides the browser's `isTrusted`. */
function fields(event: Event): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'isTrusted'));
}

/** Counts the native-named events the host sees. */
function record(element: AddressPicker): Array<Event> {
  const seen: Event[] = [];
  for (const type of ['change', 'input']) element.addEventListener(type, (event) => seen.push(event));
  return seen;
}

describe('<address-picker>', () => {
  let element: AddressPicker;
  const htmlLang = document.documentElement.lang;
  afterEach(() => {
    element?.remove();
    document.documentElement.lang = htmlLang;
    document.querySelectorAll('.test-container').forEach((node) => node.remove());
    delete (window as { __pwned?: unknown }).__pwned;
  });

  function container(tag: 'div' | 'form' = 'div'): HTMLElement {
    const node = document.createElement(tag);
    node.className = 'test-container';
    document.body.append(node);
    return node;
  }

  it('is accessible with several addresses to choose from', async () => {
    element = await mount(ready(), { attributes: { value: 'o1' } });
    await assertAccessible(element);
  });

  it('shows no empty message or status box when there is nothing to say, and nothing at all when hidden', async () => {
    element = await mount(ready());
    for (const name of ['message', 'status']) {
      const region = part(element, name)!;
      // Not display:none: a live region has to be in the accessibility tree before its text arrives.
      expect(getComputedStyle(region).display, name).not.to.equal('none');
      expect(getComputedStyle(region).position, name).to.equal('absolute');
      expect(region.getBoundingClientRect().height, name).to.be.at.most(1);
    }
    element.hidden = true;
    expect(getComputedStyle(element).display).to.equal('none');
  });

  describe('states', () => {
    it('signed out: asks to log in', async () => {
      element = await mount({ status: 'signed-out' });
      expect(visibleText(element)).to.contain(de.signedOut);
      expect(shows(element, 'combobox')).to.equal(false);
      await assertAccessible(element);
    });

    it('loading: says so in a status region', async () => {
      element = await mount({ status: 'loading' });
      const status = element.shadowRoot!.querySelector('[role=status]');
      expect(text(status)).to.equal(de.loading);
      await assertAccessible(element);
    });

    it('load error: says why in an alert and offers to try again', async () => {
      element = await mount({ status: 'load-error', error: 'unreachable' });
      const alert = part(element, 'message')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.contain(`${de.loadFailed} ${de.unreachable}`);
      const retry = alert.querySelector('button')!;
      expect(text(retry)).to.equal(de.retry);
      retry.click(); // nothing is loaded in preview; the state stays
      await element.updateComplete;
      expect(text(part(element, 'message'))).to.contain(de.loadFailed);
      await assertAccessible(element);
    });

    it('no customer account: says so', async () => {
      element = await mount({ status: 'ready', book: { billing: null, online: [], limits: { maxOnline: 0, canEdit: false, canAdd: false, writable: true } } });
      expect(visibleText(element)).to.contain(de.noAccount);
      await assertAccessible(element);
    });

    it('private customer: the billing address is read-only, changed by phone or the customer advisor', async () => {
      element = await mount({ status: 'ready', book: book([keller], { maxOnline: 1, canAdd: false }) }, { attributes: { value: 'o1' } });
      const section = part(element, 'billing')!;
      expect(text(section.querySelector('[role=heading]'))).to.equal('Rechnungsadresse');
      expect(section.querySelector('address')!.textContent).to.equal('Anna Muster\nBahnhofstrasse 1\n8001 Zürich');
      expect(text(section)).to.contain('Sie kann nicht in Ihrem Benutzerprofil geändert werden: Ändern Sie sie telefonisch oder über Ihre Kundenberaterin');
      expect(section.querySelectorAll('input, button, select, textarea, [contenteditable]').length, 'no control in the billing part').to.equal(0);
      expect(text(combobox(element))).to.equal(LINES.o1);
      expect(shows(element, 'edit-button')).to.equal(true);
      await assertAccessible(element);
    });

    it('business administrator: can edit the chosen address and add one', async () => {
      element = await mount(ready([keller, rossi], { canEdit: true, canAdd: true }), { attributes: { value: 'o2' } });
      expect(text(part(element, 'edit-button'))).to.equal(de.edit);
      expect(text(part(element, 'add-button'))).to.equal(de.add);
      expect(visibleText(element)).to.not.contain(de.agreeNoteUnnamed);
      expect(visibleText(element)).to.not.contain(de.limitNote);
      await assertAccessible(element);
    });

    it('business user of a company whose administrator manages the addresses: may edit, after agreeing with them', async () => {
      const user = { id: 'a1', type: 'business', company: 'Keller Logistik AG', role: 'user', email: 'lea.rossi@example.ch' } as const;
      const managed = { ...book([keller, rossi], { managedBy: 'administrator' }) };
      element = await mount({ status: 'ready', book: { ...managed, administrator: 'Marc Keller' }, account: user }, { attributes: { value: 'o2' } });
      expect(shows(element, 'edit-button')).to.equal(true);
      expect(visibleText(element)).to.contain(de.agreeNote.replace('{administrator}', 'Marc Keller'));
      await assertAccessible(element);
      element.preview = { ...element.preview, book: managed };
      await element.updateComplete;
      expect(visibleText(element), 'no name known').to.contain(de.agreeNoteUnnamed);
      // A company that leaves its addresses to each user: nothing to agree.
      element.preview = { ...element.preview, book: book([keller, rossi], { managedBy: 'self' }) };
      await element.updateComplete;
      expect(visibleText(element)).not.to.contain(de.agreeNoteUnnamed);
    });

    it('a site that may only read (a partner): no edit or add, and where the customer changes addresses', async () => {
      element = await mount(ready([keller, rossi], { canEdit: false, canAdd: false, writable: false }), { attributes: { value: 'o2' } });
      expect(shows(element, 'edit-button')).to.equal(false);
      expect(shows(element, 'add-button')).to.equal(false);
      expect(visibleText(element)).to.contain(de.readOnlyNote);
      expect(visibleText(element), 'not the administrator note').to.not.contain(de.agreeNoteUnnamed);
      await assertAccessible(element);
    });

    it('limit reached: no add, and that customer service can register several', async () => {
      element = await mount(ready([keller], { maxOnline: 1, canEdit: true, canAdd: false }), { attributes: { value: 'o1' } });
      expect(shows(element, 'add-button')).to.equal(false);
      expect(shows(element, 'edit-button')).to.equal(true);
      expect(visibleText(element)).to.contain('wenden Sie sich bitte an den Kundendienst');
      expect(visibleText(element)).to.contain('können wir auch mehrere Adressen erfassen');
      await assertAccessible(element);
    });

    it('several addresses: each is an option, the chosen one is selected, nothing chosen says "choose"', async () => {
      element = await mount(ready());
      expect(text(combobox(element))).to.equal(de.choose);
      expect(text(element.shadowRoot!.getElementById('label'))).to.equal('Adresse für Nachsendungen');
      expect(options(element).map(text)).to.deep.equal([LINES.o1, LINES.o2, LINES.o3]);
      expect(listbox(element).hidden).to.equal(true);
      expect(shows(element, 'edit-button'), 'nothing chosen to edit').to.equal(false);
      element.value = 'o3';
      await element.updateComplete;
      expect(options(element).map((option) => option.getAttribute('aria-selected'))).to.deep.equal(['false', 'false', 'true']);
      expect(text(combobox(element))).to.equal(LINES.o3);
      await assertAccessible(element);
    });

    it('no address for the service: says so, with add', async () => {
      element = await mount(ready([keller, rossi]), { attributes: { service: 'power-of-attorney' } });
      expect(shows(element, 'combobox')).to.equal(false);
      expect(visibleText(element)).to.contain('Noch keine Ihrer Adressen für Online-Dienste wird für Vollmachten verwendet.');
      expect(shows(element, 'add-button')).to.equal(true);
      await assertAccessible(element);
    });

    it('form for a new address: every field labelled, the service ticked', async () => {
      element = await mount({ ...ready(), draft: newDraft });
      const form = part(element, 'form')!;
      expect(text(form.querySelector('[role=heading]'))).to.equal(de.addTitle);
      for (const field of ['name', 'company', 'coName', 'street', 'houseNumber', 'poBox', 'postcode', 'locality'] as const) {
        const input = form.querySelector<HTMLInputElement>(`#${field}`)!;
        expect(text(form.querySelector(`label[for=${field}]`)), field).to.equal(de[field]);
        expect(input.value, field).to.equal('');
        expect(input.getAttribute('aria-invalid'), field).to.equal('false');
      }
      const ticked = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((box) => box.checked).map((box) => box.value);
      expect(ticked).to.deep.equal(['forwarding']);
      expect(text(part(element, 'save-button'))).to.equal(de.save);
      expect(text(part(element, 'cancel-button'))).to.equal(de.cancel);
      expect(shows(element, 'combobox'), 'no choice while editing').to.equal(false);
      await assertAccessible(element);
    });

    it('form for an existing address: filled in, with the localities of its postcode to choose from', async () => {
      element = await mount({ ...ready(), draft: { ...keller, locality: '' }, localities: ['Bern', 'Ittigen'] });
      const form = part(element, 'form')!;
      expect(text(form.querySelector('[role=heading]'))).to.equal(de.editTitle);
      expect(form.querySelector<HTMLInputElement>('#name')!.value).to.equal('Marc Keller');
      expect(form.querySelector<HTMLInputElement>('#postcode')!.value).to.equal('3030');
      const select = form.querySelector<HTMLSelectElement>('select#locality')!;
      expect([...select.options].map((option) => option.text)).to.deep.equal([de.chooseLocality, 'Bern', 'Ittigen']);
      const ticked = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((box) => box.checked).map((box) => box.value);
      expect(ticked).to.deep.equal(['forwarding', 'po-box']);
      await assertAccessible(element);
    });

    it('field errors: each field is marked invalid with its message linked by aria-describedby', async () => {
      element = await mount({
        ...ready(),
        draft: { ...newDraft, postcode: '123', services: [] },
        fieldErrors: { name: 'name_or_company', street: 'street_or_po_box', postcode: 'invalid_postcode', company: 'too_long', services: 'required' },
        error: 'validation',
      });
      const root = element.shadowRoot!;
      const expected = {
        name: de.name_or_company,
        street: de.street_or_po_box,
        postcode: de.invalid_postcode,
        company: 'Diese Angabe ist zu lang: höchstens 60 Zeichen.',
      };
      for (const [field, message] of Object.entries(expected)) {
        const input = root.getElementById(field)!;
        expect(input.getAttribute('aria-invalid'), field).to.equal('true');
        const described = input.getAttribute('aria-describedby')!;
        expect(text(root.getElementById(described)), field).to.equal(message);
      }
      expect(root.getElementById('locality')!.getAttribute('aria-invalid')).to.equal('false');
      expect(root.getElementById('locality')!.hasAttribute('aria-describedby')).to.equal(false);
      const services = root.querySelector('fieldset')!;
      expect(text(root.getElementById(services.getAttribute('aria-describedby')!))).to.equal(de.servicesRequired);
      expect(text(part(element, 'message'))).to.equal(de.validation);
      expect(text(part(element, 'message')), 'no "entries kept" for fields to correct').to.not.contain(de.kept);
      await assertAccessible(element);
    });

    it('saving: says so in the status region, the save button is marked busy', async () => {
      element = await mount({ ...ready(), draft: { ...keller }, saving: true });
      expect(text(part(element, 'status'))).to.equal(de.saving);
      expect(part(element, 'status')!.getAttribute('role')).to.equal('status');
      expect(part(element, 'save-button')!.getAttribute('aria-disabled')).to.equal('true');
      await assertAccessible(element);
    });

    it('saved: confirms in the status region, back at the choice', async () => {
      element = await mount({ ...ready(), saved: true }, { attributes: { value: 'o1' } });
      expect(text(part(element, 'status'))).to.equal(de.saved);
      expect(text(combobox(element))).to.equal(LINES.o1);
      await assertAccessible(element);
    });

    const saveErrors: Array<[AddressPickerView['error'], string]> = [
      ['unreachable', de.unreachable],
      ['timeout', de.timeout],
      ['server', de.server],
      ['malformed', de.malformed],
      ['session_expired', de.session_expired],
      ['limit_reached', de.limit_reached],
      ['not_allowed', de.not_allowed],
    ];
    for (const [code, message] of saveErrors) {
      it(`save error ${code}: says why in an alert and that the entries are kept`, async () => {
        element = await mount({ ...ready(), draft: { ...keller, street: 'Neue Strasse' }, error: code });
        const alert = part(element, 'message')!;
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(text(alert)).to.contain(`${message} ${de.kept}`);
        expect(part(element, 'form')!.querySelector<HTMLInputElement>('#street')!.value, 'the draft is still in the form').to.equal('Neue Strasse');
        const button = alert.querySelector('button');
        if (code === 'session_expired') expect(text(button)).to.equal(de.signInAgain);
        else expect(button === null, 'no button').to.equal(true);
        if (code === 'limit_reached') expect(text(alert)).to.contain('können wir auch mehrere Adressen erfassen');
        if (code === 'not_allowed') expect(text(alert)).to.contain(de.readOnlyNote);
        await assertAccessible(element);
      });
    }

    it('session expired without a draft: "log in again", no "entries kept"', async () => {
      element = await mount({ ...ready(), error: 'session_expired' });
      const alert = part(element, 'message')!;
      expect(text(alert)).to.contain(de.session_expired);
      expect(text(alert)).to.not.contain(de.kept);
      expect(text(alert.querySelector('button'))).to.equal(de.signInAgain);
      alert.querySelector('button')!.click(); // no sign-in from a preview
      await assertAccessible(element);
    });

    it('conflict: both versions side by side and two ways out', async () => {
      element = await mount({
        ...ready(),
        draft: { ...keller, street: 'Meine Gasse' },
        conflict: { ...keller, version: 2, street: 'Andere Strasse' },
        error: 'conflict',
      });
      const conflict = part(element, 'conflict')!;
      expect(text(conflict.querySelector('[role=heading]'))).to.equal(de.conflict);
      expect(text(conflict)).to.contain(de.conflictText);
      const versions = [...conflict.querySelectorAll('.versions section')];
      expect(versions.map((section) => text(section.querySelector('[role=heading]')))).to.deep.equal([de.yourVersion, de.savedVersion]);
      expect(versions[0].querySelector('address')!.textContent).to.equal('Marc Keller\nMeine Gasse 4\n3030 Bern');
      expect(versions[1].querySelector('address')!.textContent).to.equal('Marc Keller\nAndere Strasse 4\n3030 Bern');
      expect(text(part(element, 'keep-mine-button'))).to.equal(de.keepMine);
      expect(text(part(element, 'keep-saved-button'))).to.equal(de.keepSaved);
      expect(shows(element, 'form'), 'no form during the choice').to.equal(false);
      expect(text(part(element, 'message'))).to.not.contain(de.kept);
      await assertAccessible(element);
    });
  });

  describe('combobox', () => {
    it('opens with ArrowDown, moves with the arrows, Home and End, chooses with Enter', async () => {
      element = await mount(ready());
      const seen = record(element);
      element.focus();
      expect(focused(element)).to.equal('combobox');
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
      expect(combobox(element).hasAttribute('aria-activedescendant')).to.equal(false);

      await press(element, 'ArrowDown');
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
      expect(listbox(element).hidden).to.equal(false);
      expect(activeOption(element)).to.equal(LINES.o1);
      await press(element, 'ArrowDown');
      expect(activeOption(element)).to.equal(LINES.o2);
      await press(element, 'ArrowDown');
      await press(element, 'ArrowDown');
      expect(activeOption(element), 'stays on the last').to.equal(LINES.o3);
      await press(element, 'ArrowUp');
      expect(activeOption(element)).to.equal(LINES.o2);
      await press(element, 'Home');
      expect(activeOption(element)).to.equal(LINES.o1);
      await press(element, 'End');
      expect(activeOption(element)).to.equal(LINES.o3);
      expect(element.shadowRoot!.querySelector('.active')!.id).to.equal(combobox(element).getAttribute('aria-activedescendant'));
      expect(seen, 'moving chooses nothing').to.have.length(0);

      await press(element, 'Enter');
      expect(element.value).to.equal('o3');
      expect(seen.map((event) => event.type).sort()).to.deep.equal(['change', 'input']);
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
      expect(combobox(element).hasAttribute('aria-activedescendant')).to.equal(false);
      expect(listbox(element).hidden).to.equal(true);
      expect(focused(element)).to.equal('combobox');
      expect(document.activeElement === element, 'the host has focus').to.equal(true);
      expect(text(combobox(element))).to.equal(LINES.o3);
      expect(announcement(element)).to.equal(`Ausgewählt: ${LINES.o3}`);
    });

    it('is accessible with the list open', async () => {
      element = await mount(ready(), { attributes: { value: 'o1' } });
      element.focus();
      await press(element, 'ArrowDown');
      await press(element, 'ArrowDown');
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
      await assertAccessible(element);
      await press(element, 'Escape');
    });

    it('reopens on the chosen option; choosing it again fires nothing', async () => {
      element = await mount(ready(), { attributes: { value: 'o2' } });
      const seen = record(element);
      element.focus();
      await press(element, 'ArrowDown');
      expect(activeOption(element)).to.equal(LINES.o2);
      await press(element, 'Enter');
      expect(element.value).to.equal('o2');
      expect(seen).to.have.length(0);
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
    });

    it('Space opens the list and chooses, like Enter', async () => {
      element = await mount(ready());
      const seen = record(element);
      element.focus();
      await press(element, ' ');
      await waitFor(() => combobox(element).getAttribute('aria-expanded') === 'true', 'the list to open');
      await press(element, 'ArrowDown');
      await press(element, ' ');
      await element.updateComplete;
      expect(element.value).to.equal('o2');
      expect(seen).to.have.length(2);
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
      expect(focused(element)).to.equal('combobox');
    });

    it('Escape closes the list without choosing and keeps focus', async () => {
      element = await mount(ready(), { attributes: { value: 'o1' } });
      const seen = record(element);
      element.focus();
      await press(element, 'ArrowDown');
      await press(element, 'ArrowDown');
      expect(activeOption(element)).to.equal(LINES.o2);
      await press(element, 'Escape');
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
      expect(listbox(element).hidden).to.equal(true);
      expect(element.value).to.equal('o1');
      expect(seen).to.have.length(0);
      expect(focused(element)).to.equal('combobox');
      expect(announcement(element)).to.equal('');
    });

    it('type-ahead moves to the option that starts with what was typed', async () => {
      element = await mount(ready());
      const seen = record(element);
      element.focus();
      await sendKeys({ type: 'ro' });
      await element.updateComplete;
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
      expect(activeOption(element)).to.equal(LINES.o2);
      await new Promise((resolve) => setTimeout(resolve, 800)); // a new search
      await sendKeys({ type: 'an' });
      await element.updateComplete;
      expect(activeOption(element)).to.equal(LINES.o3);
      expect(seen, 'typing only moves').to.have.length(0);
      await press(element, 'Enter');
      expect(element.value).to.equal('o3');
    });

    it('type-ahead with nothing chosen starts at the first option; the same letter again goes on to the next', async () => {
      const anna2 = address('o4', { name: 'Anna Rossi', street: 'Seeweg', houseNumber: '2', postcode: '6900', locality: 'Lugano' });
      element = await mount(ready([muster, anna2, keller]));
      element.focus();
      await press(element, 'a');
      expect(activeOption(element)).to.equal(LINES.o3);
      await press(element, 'a');
      expect(activeOption(element)).to.equal('Anna Rossi, Seeweg 2, 6900 Lugano');
      await press(element, 'a');
      expect(activeOption(element), 'round again').to.equal(LINES.o3);
      await press(element, 'Escape');
    });

    it('Tab closes the list and moves on', async () => {
      element = await mount(ready(), { attributes: { value: 'o1' } });
      element.focus();
      await press(element, 'ArrowDown');
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
      await press(element, 'Tab');
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
      expect(listbox(element).hidden).to.equal(true);
      expect(focused(element)).to.equal('edit-button');
      expect(element.value).to.equal('o1');
    });

    it('a click opens the list and a click on an option chooses it', async () => {
      element = await mount(ready());
      const seen = record(element);
      combobox(element).click();
      await element.updateComplete;
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
      options(element)[1].click();
      await element.updateComplete;
      expect(element.value).to.equal('o2');
      expect(seen.map((event) => event.type).sort()).to.deep.equal(['change', 'input']);
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
      expect(focused(element)).to.equal('combobox');
      expect(announcement(element)).to.equal(`Ausgewählt: ${LINES.o2}`);
    });

    it('chooses with a real pointer click on an option; a click elsewhere closes without choosing', async () => {
      element = await mount(ready());
      element.style.width = '360px';
      const seen = record(element);
      await clickAt(combobox(element));
      await waitFor(() => listbox(element).style.top !== '', 'the list to be placed');
      await element.updateComplete;
      await clickAt(options(element)[2]);
      await element.updateComplete;
      expect(element.value).to.equal('o3');
      expect(seen).to.have.length(2);
      expect(listbox(element).hidden).to.equal(true);
      expect(focused(element)).to.equal('combobox');

      // The list keeps its last position while closed: clear it, so that the wait below sees this opening's placement
      // (and with it the outside-click listener, attached in the same step).
      listbox(element).style.top = '';
      await clickAt(combobox(element));
      await element.updateComplete;
      expect(listbox(element).hidden).to.equal(false);
      await waitFor(() => listbox(element).style.top !== '', 'the list to be placed');
      await sendMouse({ type: 'click', position: [window.innerWidth - 10, 10] }); // beside the element and its list
      await element.updateComplete;
      expect(listbox(element).hidden).to.equal(true);
      expect(element.value).to.equal('o3');
      expect(seen).to.have.length(2);
      await resetMouse();
    });

    it('places the list right below (or above) the combobox', async () => {
      element = await mount(ready());
      element.style.width = '360px';
      element.focus();
      await press(element, 'ArrowDown');
      const list = listbox(element);
      await waitFor(() => list.style.left !== '' && list.style.top !== '', 'floating-ui to place the list');
      const box = combobox(element).getBoundingClientRect();
      const rect = list.getBoundingClientRect();
      expect(rect.width).to.be.greaterThan(0);
      expect(Math.abs(rect.left - box.left), 'aligned with the combobox start').to.be.lessThan(2);
      const below = Math.abs(rect.top - (box.bottom + 8)) < 2;
      const above = Math.abs(rect.bottom - (box.top - 8)) < 2;
      expect(below || above, `list ${JSON.stringify(rect)} next to combobox ${JSON.stringify(box)}`).to.equal(true);
      await press(element, 'Escape');
    });

    it('offers only the addresses that serve its service', async () => {
      element = await mount(ready(), { attributes: { service: 'po-box' } });
      expect(text(element.shadowRoot!.getElementById('label'))).to.equal('Adresse für Postfächer');
      expect(options(element).map(text)).to.deep.equal([LINES.o1]);
      element.service = 'sub-address';
      await element.updateComplete;
      expect(options(element).map(text)).to.deep.equal([LINES.o3]);
    });

    it('edit opens the form on the chosen address; typing there is no choice; cancel returns to the combobox', async () => {
      element = await mount(ready(), { attributes: { value: 'o1' } });
      const seen = record(element);
      part(element, 'edit-button')!.click();
      await element.updateComplete;
      await element.updateComplete;
      expect(focused(element)).to.equal('name');
      expect(element.shadowRoot!.querySelector<HTMLInputElement>('#street')!.value).to.equal('Wankdorfallee');
      await sendKeys({ type: 'x' });
      await press(element, 'Tab');
      expect(element.shadowRoot!.querySelector<HTMLInputElement>('#name')!.value).to.equal('Marc Kellerx');
      expect(seen.map((event) => event.type), 'the host hears no keystroke of the form').to.deep.equal([]);
      part(element, 'cancel-button')!.click();
      await element.updateComplete;
      expect(focused(element)).to.equal('combobox');
      expect(element.value).to.equal('o1');
    });
  });

  it('cancel with no address to choose returns focus to "add", not to the page', async () => {
    element = await mount(ready([keller]), { attributes: { service: 'sub-address' } });
    part(element, 'add-button')!.click();
    await element.updateComplete;
    await element.updateComplete;
    expect(focused(element)).to.equal('name');
    part(element, 'cancel-button')!.click();
    await element.updateComplete;
    expect(focused(element)).to.equal('add-button');
  });

  it('puts its headings at heading-level, to fit the page outline', async () => {
    element = await mount({ ...ready(), draft: { ...keller }, conflict: { ...keller, street: 'Papiermühlestrasse', version: 2 } });
    const levels = () => [...element.shadowRoot!.querySelectorAll('[role=heading]')].map((node) => node.getAttribute('aria-level'));
    expect(levels()).to.deep.equal(['3', '3', '4', '4']);
    element.setAttribute('heading-level', '2');
    await element.updateComplete;
    expect(levels()).to.deep.equal(['2', '2', '3', '3']);
    await assertAccessible(element);
  });

  describe('in a host form', () => {
    it('submits the chosen id under its name and knows its form', async () => {
      const form = container('form') as HTMLFormElement;
      element = await mount(ready(), { attributes: { name: 'address' }, parent: form });
      expect(element.form === form, 'element.form').to.equal(true);
      expect(new FormData(form).has('address')).to.equal(false);
      element.focus();
      await press(element, 'ArrowDown');
      await press(element, 'ArrowDown');
      await press(element, 'Enter');
      expect(new FormData(form).get('address')).to.equal('o2');
    });

    it('required: invalid without a choice, shows its own message, valid once chosen', async () => {
      const form = container('form') as HTMLFormElement;
      element = await mount(ready(), { attributes: { name: 'address', required: '' }, parent: form });
      expect(combobox(element).getAttribute('aria-required')).to.equal('true');
      expect(form.checkValidity()).to.equal(false);
      expect(element.validity.valueMissing).to.equal(true);
      expect(element.validationMessage).to.equal('Wählen Sie eine Adresse für Nachsendungen.');
      expect(hasId(element, 'choice-error'), 'no message before a submit').to.equal(false);

      let submitted = 0;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submitted++;
      });
      form.requestSubmit();
      expect(submitted, 'no submit without a choice').to.equal(0);
      expect(element.reportValidity()).to.equal(false);
      await element.updateComplete;
      const error = element.shadowRoot!.getElementById('choice-error')!;
      expect(text(error)).to.equal('Wählen Sie eine Adresse für Nachsendungen.');
      expect(error.getBoundingClientRect().height, 'visible').to.be.greaterThan(0);
      expect(combobox(element).getAttribute('aria-invalid')).to.equal('true');
      expect(combobox(element).getAttribute('aria-describedby')).to.equal('choice-error');
      await assertAccessible(element);

      combobox(element).click();
      await element.updateComplete;
      options(element)[0].click();
      await element.updateComplete;
      expect(hasId(element, 'choice-error')).to.equal(false);
      expect(combobox(element).getAttribute('aria-invalid')).to.equal('false');
      expect(element.validity.valid).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
      form.requestSubmit();
      expect(submitted).to.equal(1);
    });

    it('submits only an address it offers: not one for another service, not while signed out or loading', async () => {
      const form = container('form') as HTMLFormElement;
      element = await mount(ready(), { attributes: { name: 'address', required: '', value: 'o2' }, parent: form });
      expect(new FormData(form).get('address')).to.equal('o2');
      expect(form.checkValidity()).to.equal(true);

      element.service = 'po-box'; // o2 serves forwarding only
      await element.updateComplete;
      expect(text(combobox(element))).to.equal(de.choose);
      expect(new FormData(form).has('address'), 'an address not offered is not submitted').to.equal(false);
      expect(element.validity.valueMissing).to.equal(true);

      element.service = 'forwarding';
      await element.updateComplete;
      expect(new FormData(form).get('address')).to.equal('o2');
      for (const status of ['signed-out', 'loading'] as const) {
        element.preview = { ...ready(), status };
        await element.updateComplete;
        expect(new FormData(form).has('address'), status).to.equal(false);
        expect(element.validity.valueMissing, status).to.equal(true);
        // With no combobox to point at, the browser's message points at the picker (no "not focusable" refusal).
        expect(element.reportValidity(), status).to.equal(false);
      }
    });

    it('the form sees a choice at once, like a native field: inside the change listener and after setting value', async () => {
      const form = container('form') as HTMLFormElement;
      element = await mount(ready(), { attributes: { name: 'address', required: '' }, parent: form });
      const inListener: Array<[FormDataEntryValue | null, boolean]> = [];
      element.addEventListener('change', () => inListener.push([new FormData(form).get('address'), form.checkValidity()]));
      element.focus();
      await press(element, 'ArrowDown');
      await press(element, 'Enter');
      expect(inListener).to.deep.equal([['o1', true]]);
      element.value = 'o3';
      expect(new FormData(form).get('address'), 'no render needed').to.equal('o3');
    });

    it('a disabled fieldset also disables the edit form', async () => {
      const form = container('form') as HTMLFormElement;
      const fieldset = document.createElement('fieldset');
      form.append(fieldset);
      element = await mount({ ...ready(), draft: { ...keller } }, { attributes: { name: 'address' }, parent: fieldset });
      fieldset.disabled = true;
      await element.updateComplete;
      const controls = [...part(element, 'form')!.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, select, button')];
      expect(controls.length).to.be.greaterThan(10);
      expect(controls.filter((control) => !control.disabled).map((control) => control.name || control.getAttribute('part'))).to.deep.equal([]);
    });

    it('form.reset() returns to the value attribute', async () => {
      const form = container('form') as HTMLFormElement;
      element = await mount(ready(), { attributes: { name: 'address', value: 'o2' }, parent: form });
      expect(new FormData(form).get('address')).to.equal('o2');
      combobox(element).click();
      await element.updateComplete;
      options(element)[2].click();
      await element.updateComplete;
      expect(new FormData(form).get('address')).to.equal('o3');
      const seen = record(element);
      form.reset();
      await element.updateComplete;
      expect(element.value).to.equal('o2');
      expect(text(combobox(element))).to.equal(LINES.o2);
      expect(new FormData(form).get('address')).to.equal('o2');
      expect(seen, 'a reset is no customer choice').to.have.length(0);
    });

    it('form.reset() clears the missing-choice message', async () => {
      const form = container('form') as HTMLFormElement;
      element = await mount(ready(), { attributes: { name: 'address', required: '' }, parent: form });
      element.reportValidity();
      await element.updateComplete;
      expect(hasId(element, 'choice-error')).to.equal(true);
      form.reset();
      await element.updateComplete;
      expect(hasId(element, 'choice-error')).to.equal(false);
      expect(combobox(element).getAttribute('aria-invalid')).to.equal('false');
      expect(element.validity.valueMissing, 'still required').to.equal(true);
    });

    it('a disabled fieldset disables the combobox and leaves the value out', async () => {
      const form = container('form') as HTMLFormElement;
      const fieldset = document.createElement('fieldset');
      form.append(fieldset);
      element = await mount(ready(), { attributes: { name: 'address', value: 'o1', required: '' }, parent: fieldset });
      expect(new FormData(form).get('address')).to.equal('o1');
      element.focus();
      await press(element, 'ArrowDown');
      expect(listbox(element).hidden, 'open before').to.equal(false);
      fieldset.disabled = true;
      await element.updateComplete;
      expect((combobox(element) as HTMLButtonElement).disabled).to.equal(true);
      expect(listbox(element).hidden, 'the open list closes').to.equal(true);
      expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
      expect((part(element, 'edit-button') as HTMLButtonElement).disabled).to.equal(true);
      expect(new FormData(form).has('address')).to.equal(false);
      fieldset.disabled = false;
      await element.updateComplete;
      expect((combobox(element) as HTMLButtonElement).disabled).to.equal(false);
      expect(new FormData(form).get('address')).to.equal('o1');
    });

    it('the disabled attribute disables the combobox, leaves the value out and skips validation', async () => {
      const form = container('form') as HTMLFormElement;
      element = await mount(ready(), { attributes: { name: 'address', required: '', disabled: '' }, parent: form });
      expect((combobox(element) as HTMLButtonElement).disabled).to.equal(true);
      expect(part(element, 'add-button')!.hasAttribute('disabled')).to.equal(true);
      expect(form.checkValidity(), 'a disabled field is not validated').to.equal(true);
      element.value = 'o1';
      await element.updateComplete;
      expect(new FormData(form).has('address')).to.equal(false);
      element.disabled = false;
      await element.updateComplete;
      expect(new FormData(form).get('address')).to.equal('o1');
      await assertAccessible(element);
    });
  });

  describe('languages', () => {
    it('has the same keys, all filled, in de, fr, it and en', () => assertSameKeys(en, [de, fr, it_]));

    it('follows its own lang, an ancestor, then <html lang>', async () => {
      element = await mount(ready(), { lang: 'fr' });
      expect(text(part(element, 'billing')!.querySelector('[role=heading]'))).to.equal(fr.billingTitle);
      const inItalian = container();
      inItalian.lang = 'it-CH';
      const italian = await mount(ready(), { lang: null, parent: inItalian });
      expect(text(part(italian, 'billing')!.querySelector('[role=heading]'))).to.equal(it_.billingTitle);
      document.documentElement.lang = 'en';
      const english = await mount(ready(), { lang: null, parent: container() });
      expect(text(part(english, 'billing')!.querySelector('[role=heading]'))).to.equal(en.billingTitle);
      expect(text(combobox(english))).to.equal(en.choose);
      document.documentElement.lang = 'fr-CH';
      await waitFor(() => text(combobox(english)) === fr.choose, '<html lang> switched to French');
      expect(text(combobox(italian)), 'its ancestor still says Italian').to.equal(it_.choose);
    });

    it('says what is missing in the language it shows', async () => {
      element = await mount(ready(), { attributes: { required: '' } });
      expect(element.validationMessage).to.equal('Wählen Sie eine Adresse für Nachsendungen.');
      element.setAttribute('lang', 'fr');
      await waitFor(() => text(combobox(element)) === fr.choose, 'French');
      await element.updateComplete;
      expect(element.validationMessage).to.equal(fr.valueMissing.replace('{service}', fr.serviceForwarding));
    });

    it('switches language at runtime', async () => {
      element = await mount({ ...ready(), error: 'timeout', draft: { ...keller } }, { lang: 'de' });
      expect(text(part(element, 'message'))).to.contain(de.timeout);
      element.setAttribute('lang', 'it');
      await waitFor(() => text(part(element, 'message')).includes(it_.timeout), 'Italian');
      expect(text(part(element, 'form')!.querySelector('[role=heading]'))).to.equal(it_.editTitle);
      element.setAttribute('lang', 'fr');
      await waitFor(() => text(part(element, 'message')).includes(fr.timeout), 'French');
      expect(text(part(element, 'message'))).to.contain(fr.kept);
    });

    it('names the PO box in the language of the page', async () => {
      element = await mount(ready(), { lang: 'fr', attributes: { service: 'sub-address' } });
      expect(options(element).map(text)).to.deep.equal([`Anna Muster, ${fr.poBoxWord} 1234, 3000 Bern 1`]);
    });

    it('takes text overrides from text-* attributes and the texts property', async () => {
      element = await mount(ready(), { attributes: { 'text-billing-title': 'Adresse für Rechnungen' } });
      expect(text(part(element, 'billing')!.querySelector('[role=heading]'))).to.equal('Adresse für Rechnungen');
      element.setAttribute('text-choose-label', 'Wohin mit der Post ({service})?');
      await waitFor(() => text(element.shadowRoot!.getElementById('label')) === 'Wohin mit der Post (Nachsendungen)?', 'attribute change');
      element.texts = { choose: 'Bitte wählen', chosen: 'Gewählt ist {address}' };
      await element.updateComplete;
      expect(text(combobox(element))).to.equal('Bitte wählen');
      combobox(element).click();
      await element.updateComplete;
      options(element)[0].click();
      await element.updateComplete;
      expect(announcement(element)).to.equal(`Gewählt ist ${LINES.o1}`);
    });
  });

  it('renders hostile address text as text', async () => {
    const img = '<img src=x onerror="window.__pwned=1">';
    const script = '"><script>window.__pwned=2</script>';
    const hostile = address('o9', { company: img, name: script, street: `${img} ${script}`, postcode: '3000', locality: 'Bern' });
    element = await mount(
      { status: 'ready', book: book([hostile, keller], {}, { ...hostile, id: 'b9', services: [] }) },
    );
    combobox(element).click();
    await element.updateComplete;
    options(element)[0].click();
    await element.updateComplete;
    expect(element.value).to.equal('o9');
    expect(visibleText(element)).to.contain(img);
    expect(visibleText(element)).to.contain(script);
    expect(text(combobox(element))).to.contain(`${img}, ${script}`);
    expect(announcement(element)).to.contain(img);
    element.preview = { ...element.preview, draft: { ...hostile }, conflict: { ...hostile, version: 2 }, error: 'conflict' };
    await element.updateComplete;
    expect(text(part(element, 'conflict'))).to.contain(script);
    // The administrator's name from the API, the account's company, and the removal question naming the address.
    const user = { id: 'a9', type: 'business' as const, company: img, role: 'user' as const, email: 'x@example.ch' };
    element.preview = { status: 'ready', book: { ...book([hostile, keller], { managedBy: 'administrator' }), administrator: script }, account: user };
    await element.updateComplete;
    expect(visibleText(element)).to.contain(de.agreeNote.replace('{administrator}', script));
    element.preview = { ...element.preview, removal: { address: hostile, busy: false } };
    await element.updateComplete;
    expect(text(part(element, 'removal'))).to.contain(img);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(element.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  describe('events', () => {
    it('address-picker-save carries only the id and whether it was created', () => {
      const event = new AddressPickerSaveEvent('o1', true);
      expect(event.type).to.equal('address-picker-save');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(fields(event)).to.deep.equal({ addressId: 'o1', created: true });
    });

    it('address-picker-remove carries only the id', () => {
      const event = new AddressPickerRemoveEvent('o1');
      expect(event.type).to.equal('address-picker-remove');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(fields(event)).to.deep.equal({ addressId: 'o1' });
    });

    it('address-picker-error carries a code, the action and a diagnostic for developers (the code unless told more)', () => {
      const event = new AddressPickerErrorEvent('timeout', 'save');
      expect(event.type).to.equal('address-picker-error');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(fields(event)).to.deep.equal({ code: 'timeout', action: 'save', diagnostic: 'timeout' });
      expect(fields(new AddressPickerErrorEvent('server', 'load', 'HTTP server (503)'))).to.deep.equal({ code: 'server', action: 'load', diagnostic: 'HTTP server (503)' });
    });

    it('change and input carry no address text: the host reads the id from value', async () => {
      element = await mount(ready());
      const seen = record(element);
      element.focus();
      await press(element, 'ArrowDown');
      await press(element, 'Enter');
      expect(seen).to.have.length(2);
      for (const event of seen) {
        expect(event.constructor, event.type).to.equal(Event);
        expect(fields(event), event.type).to.deep.equal({});
        expect(event.bubbles, event.type).to.equal(true);
      }
      expect(element.value).to.equal('o1');
    });
  });
});
