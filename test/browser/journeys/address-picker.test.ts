import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/index.js';
import de from '../../../src/i18n/address-picker.de.js';
import fr from '../../../src/i18n/address-picker.fr.js';
import { ACCOUNTS, assertAccessible, part, waitFor } from '../support.js';
import {
  addressBody,
  addressesPath,
  ADDRESS_IDS,
  focusedIn,
  hasPart,
  callAccountApi,
  closePickerPage,
  draftValues,
  fieldErrors,
  openPickerPage,
  pickerField,
  pressSave,
  serviceBox,
  shownText,
  signInWithPopup,
  storedAddressesOf,
  typeInto,
  waitSaved,
  writesOf,
  type PickerField,
  type PickerPage,
  addAddress,
} from '../address-picker-support.js';

/**
 * `<address-picker>` against the real reference backend: the SwissID stand-in signs the customer in (popup, in the
 * test page), the real account API loads and stores the addresses in its SQLite database, and the test reads that
 * database behind the API's back. What is checked is what the customer sees, what the host page gets (events, its
 * form's data) and what was stored. The server's own rules (roles, limit, Swiss address rules, other customers'
 * addresses) are also tried directly with the customer's access token, as any script on the page could.
 * Failures of the network and the API: address-picker-failures.test.ts.
 */

/** How the choice shows the seeded addresses (German). */
const LINES = {
  kellerPoBox: 'Keller Logistik AG, Hardturmstrasse 101, Postfach 2040, 8000 Zürich',
  kellerAarau: 'Keller Logistik AG, c/o Lager Aarau, Industriestrasse 8, 5000 Aarau',
};

const writes = (page: PickerPage) => writesOf(page.requests);
const save = (page: PickerPage) => pressSave(page.picker);
const savedOk = (page: PickerPage) => waitSaved(page.picker, de.saved);

const reset = () => executeServerCommand('backend-reset-addresses');
async function cleanUp(): Promise<void> {
  closePickerPage();
  await executeServerCommand('api-clear-faults');
  await executeServerCommand('close-popups');
}

describe('<address-picker> for Marc Keller, superadministrator of Keller Logistik AG (2 of 3 addresses)', () => {
  before(() => signInWithPopup(ACCOUNTS.marc));
  beforeEach(reset);
  afterEach(cleanUp);

  it('shows the billing address read-only and chooses by keyboard: input, change, and the host form submits the id', async () => {
    const page = await openPickerPage({ service: 'forwarding' });
    const { picker } = page;
    expect(shownText(part(picker, 'billing'))).to.contain(de.billingTitle).and.contain('Hardturmstrasse 101').and.contain(de.billingNote);
    const combobox = part(picker, 'combobox')!;
    expect(shownText(combobox)).to.equal(de.choose);
    expect(hasPart(picker, 'edit-button'), 'nothing chosen, nothing to edit').to.equal(false);
    expect(hasPart(picker, 'add-button')).to.equal(true);
    await assertAccessible(picker);

    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    const listbox = part(picker, 'listbox')!;
    expect(listbox.hidden).to.equal(false);
    expect([...listbox.querySelectorAll('[role=option]')].map(shownText)).to.deep.equal([LINES.kellerPoBox, LINES.kellerAarau]);
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(combobox.getAttribute('aria-activedescendant')).to.equal('option-1');
    await assertAccessible(picker);
    expect(page.events, 'moving through the list chooses nothing').to.deep.equal([]);

    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(listbox.hidden).to.equal(true);
    expect(shownText(combobox)).to.equal(LINES.kellerAarau);
    expect(picker.value).to.equal(ADDRESS_IDS.kellerAarau);
    expect(page.events.map((event) => [event.type, event.value])).to.deep.equal([
      ['input', ADDRESS_IDS.kellerAarau],
      ['change', ADDRESS_IDS.kellerAarau],
    ]);

    await executeServerCommand('real-click', { selector: '#host-submit' });
    await waitFor(() => page.submissions.length, 'the host form to submit');
    expect(page.submissions).to.deep.equal([[['address', ADDRESS_IDS.kellerAarau]]]);
  });

  it('chooses by click; a form reset returns to the value attribute', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerPoBox });
    const { picker } = page;
    expect(shownText(part(picker, 'combobox'))).to.equal(LINES.kellerPoBox);

    await executeServerCommand('real-click', { selector: 'address-picker >> [part~="combobox"]' });
    await waitFor(() => !part(picker, 'listbox')!.hidden, 'the list to open');
    expect(part(picker, 'combobox')!.getAttribute('aria-expanded')).to.equal('true');
    await executeServerCommand('real-click', { selector: 'address-picker >> #option-1' });
    await waitFor(() => part(picker, 'listbox')!.hidden, 'the list to close');
    expect(picker.value).to.equal(ADDRESS_IDS.kellerAarau);
    expect(page.events.map((event) => [event.type, event.value])).to.deep.equal([
      ['input', ADDRESS_IDS.kellerAarau],
      ['change', ADDRESS_IDS.kellerAarau],
    ]);
    page.form.requestSubmit();
    expect(page.submissions.at(-1)).to.deep.equal([['address', ADDRESS_IDS.kellerAarau]]);

    page.form.reset();
    await picker.updateComplete;
    expect(picker.value).to.equal(ADDRESS_IDS.kellerPoBox);
    expect(shownText(part(picker, 'combobox'))).to.equal(LINES.kellerPoBox);
    expect(page.events, 'a reset is not a choice of the customer').to.have.length(2);
    page.form.requestSubmit();
    expect(page.submissions.at(-1)).to.deep.equal([['address', ADDRESS_IDS.kellerPoBox]]);
  });

  it('required: the host form is not submitted until an address is chosen', async () => {
    const page = await openPickerPage({ required: '' });
    const { picker } = page;
    await executeServerCommand('real-click', { selector: '#host-submit' });
    await waitFor(() => part(picker, 'combobox')!.getAttribute('aria-invalid') === 'true', 'the missing choice to be marked');
    expect(page.submissions, 'no submission without a choice').to.deep.equal([]);
    expect(picker.validity.valueMissing).to.equal(true);
    const combobox = part(picker, 'combobox')!;
    expect(combobox.getAttribute('aria-invalid')).to.equal('true');
    const message = `Wählen Sie eine Adresse für ${de.serviceForwarding}.`;
    expect(shownText(picker.shadowRoot!.getElementById(combobox.getAttribute('aria-describedby')!))).to.equal(message);
    expect(picker.validationMessage).to.equal(message);
    await assertAccessible(picker);

    picker.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await picker.updateComplete;
    expect(picker.value).to.equal(ADDRESS_IDS.kellerPoBox);
    expect(combobox.getAttribute('aria-invalid')).to.equal('false');
    await executeServerCommand('real-click', { selector: '#host-submit' });
    await waitFor(() => page.submissions.length, 'the host form to submit');
    expect(page.submissions).to.deep.equal([[['address', ADDRESS_IDS.kellerPoBox]]]);
  });

  it('edits an address: stored in the database with its version bumped, the host told', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker } = page;
    part(picker, 'edit-button')!.click();
    await picker.updateComplete;
    expect(shownText(part(picker, 'form')!.querySelector('[role=heading]'))).to.equal(de.editTitle);
    expect(draftValues(picker)).to.deep.equal({
      name: '',
      company: 'Keller Logistik AG',
      coName: 'Lager Aarau',
      street: 'Industriestrasse',
      houseNumber: '8',
      poBox: '',
      postcode: '5000',
      locality: 'Aarau',
      services: ['forwarding'],
    });
    expect(focusedIn(picker), 'focus moves into the form').to.equal('input#name');
    await assertAccessible(picker);

    await typeInto(picker, 'street', 'Bahnhofstrasse');
    await typeInto(picker, 'houseNumber', '15b');
    serviceBox(picker, 'sub-address').click();
    await save(page);
    await savedOk(page);

    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online).to.have.length(2);
    const stored = online.find((address) => address.id === ADDRESS_IDS.kellerAarau)!;
    expect(stored).to.include({ version: 2, street: 'Bahnhofstrasse', houseNumber: '15b', coName: 'Lager Aarau', locality: 'Aarau' });
    expect(stored.services).to.deep.equal(['forwarding', 'sub-address']);
    expect(online.find((address) => address.id === ADDRESS_IDS.kellerPoBox)!.version, 'the other one untouched').to.equal(1);

    expect(hasPart(picker, 'form'), 'back at the choice').to.equal(false);
    expect(shownText(part(picker, 'combobox'))).to.equal('Keller Logistik AG, c/o Lager Aarau, Bahnhofstrasse 15b, 5000 Aarau');
    expect(page.events).to.deep.equal([
      { type: 'address-picker-save', value: ADDRESS_IDS.kellerAarau, addressId: ADDRESS_IDS.kellerAarau, created: false, code: undefined, action: undefined },
    ]);
    const [write] = writes(page);
    expect(write.method).to.equal('PUT');
    expect(write.headers['if-match']).to.equal('"1"');
    await assertAccessible(picker);
  });

  it('adds an address: created in the database and chosen; then the limit note and no "add"', async () => {
    const page = await openPickerPage();
    const { picker } = page;
    part(picker, 'add-button')!.click();
    await picker.updateComplete;
    expect(shownText(part(picker, 'form')!.querySelector('[role=heading]'))).to.equal(de.addTitle);
    expect(draftValues(picker).services, 'the service it is chosen for is ticked').to.deep.equal(['forwarding']);

    await typeInto(picker, 'company', 'Keller Logistik AG');
    await typeInto(picker, 'coName', 'Filiale Bern');
    await typeInto(picker, 'street', 'Bollwerk');
    await typeInto(picker, 'houseNumber', '10');
    await typeInto(picker, 'postcode', '3000');
    // The postcode's only locality is filled in from the directory.
    await waitFor(() => pickerField(picker, 'locality').value === 'Bern', 'the locality to be filled in');
    serviceBox(picker, 'po-box').click();
    await save(page);
    await savedOk(page);

    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online).to.have.length(3);
    const created = online.find((address) => address.id !== ADDRESS_IDS.kellerPoBox && address.id !== ADDRESS_IDS.kellerAarau)!;
    expect(created).to.include({ version: 1, company: 'Keller Logistik AG', coName: 'Filiale Bern', street: 'Bollwerk', houseNumber: '10', postcode: '3000', locality: 'Bern', name: null, poBox: null });
    expect(created.services).to.deep.equal(['forwarding', 'po-box']);

    expect(picker.value, 'the new address is chosen').to.equal(created.id);
    expect(shownText(part(picker, 'combobox'))).to.equal('Keller Logistik AG, c/o Filiale Bern, Bollwerk 10, 3000 Bern');
    expect(page.events.map(({ type, value, addressId, created: isNew }) => ({ type, value, addressId, created: isNew }))).to.deep.equal([
      { type: 'input', value: created.id, addressId: undefined, created: undefined },
      { type: 'change', value: created.id, addressId: undefined, created: undefined },
      { type: 'address-picker-save', value: created.id, addressId: created.id, created: true },
    ]);
    expect(writes(page).map((request) => request.method)).to.deep.equal(['POST']);
    expect(writes(page)[0].headers['idempotency-key']).to.match(/^[\w-]{36}$/);

    // 3 of 3: no more adding, and why.
    expect(hasPart(picker, 'add-button')).to.equal(false);
    expect(hasPart(picker, 'edit-button')).to.equal(true);
    expect(shownText(picker.shadowRoot!.querySelector('.picker'))).to.contain(de.limitNote);
    page.form.requestSubmit();
    expect(page.submissions).to.deep.equal([[['address', created.id]]]);
    await assertAccessible(picker);
  });

  it('a postcode with several localities offers them to choose from (6900: Lugano, Massagno, Paradiso)', async () => {
    // 6900 has these three localities in both the shipped sample and the full official directory.
    const page = await openPickerPage();
    const { picker } = page;
    part(picker, 'add-button')!.click();
    await picker.updateComplete;
    await typeInto(picker, 'name', 'Marc Keller');
    await typeInto(picker, 'street', 'Via San Gottardo');
    await typeInto(picker, 'houseNumber', '3');
    await typeInto(picker, 'postcode', '6900');
    const select = await waitFor(() => picker.shadowRoot!.querySelector<HTMLSelectElement>('select[name="locality"]'), 'the choice of localities');
    expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal([de.chooseLocality, 'Lugano', 'Massagno', 'Paradiso']);
    expect(select.value, 'nothing chosen for the customer').to.equal('');
    await assertAccessible(picker);

    await save(page);
    expect(fieldErrors(picker)).to.deep.equal({ locality: de.required });
    expect(writes(page)).to.deep.equal([]);

    select.value = 'Massagno';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await picker.updateComplete;
    expect(fieldErrors(picker)).to.deep.equal({});
    await save(page);
    await savedOk(page);
    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online.at(-1)).to.include({ name: 'Marc Keller', street: 'Via San Gottardo', postcode: '6900', locality: 'Massagno' });
  });

  it("a postcode replaced at once (pasted): the last one's localities are neither offered nor checked meanwhile", async () => {
    const page = await openPickerPage();
    const { picker } = page;
    await addAddress(picker, { name: 'Marc Keller', street: 'Bahnhofstrasse', postcode: '6900' });
    await waitFor(() => picker.shadowRoot!.querySelector('select[name="locality"]'), 'the choice of localities of 6900');
    // 5000's own localities are held back a while; the customer goes on meanwhile.
    await executeServerCommand('api-fault', { method: 'GET', path: '/localities', fault: 'delay', ms: 4000 });
    const postcode = pickerField(picker, 'postcode');
    postcode.value = '5000';
    postcode.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelectorAll('select[name="locality"]').length, "no choice of 6900's localities for 5000").to.equal(0);
    await typeInto(picker, 'locality', 'Aarau');
    await save(page);
    await savedOk(page);
    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online.at(-1)).to.include({ postcode: '5000', locality: 'Aarau' });
  });

  it('localities of a wrong shape from the directory: the locality typed stays, and the API decides', async () => {
    const wrongShape = { localities: ['Aarau'] }; // names instead of { name } objects
    await executeServerCommand('api-fault', { method: 'GET', path: '/localities', fault: 'body', body: wrongShape, times: 5 });
    const page = await openPickerPage();
    const { picker } = page;
    await addAddress(picker, { name: 'Marc Keller', street: 'Bahnhofstrasse', locality: 'Aarau' });
    await typeInto(picker, 'postcode', '5000'); // after the locality, so that the answer meets what was typed
    const lookup = await waitFor(() => page.requests.find((request) => request.url.includes('/localities?postcode=5000')), 'the lookup');
    await waitFor(() => lookup.settled, 'its answer');
    await picker.updateComplete;
    expect(draftValues(picker)).to.include({ postcode: '5000', locality: 'Aarau' });
    await save(page);
    await savedOk(page);
    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online.at(-1)).to.include({ postcode: '5000', locality: 'Aarau' });
  });

  it('a c/o name typed with its "c/o" is as long as the server counts it: without the "c/o"', async () => {
    const page = await openPickerPage();
    const { picker } = page;
    const coName = `Lager Aarau ${'Nord'.repeat(12)}`; // 60 characters, the most a c/o name may have
    await addAddress(picker, { name: 'Marc Keller', coName: ` c/o ${coName}`, street: 'Bahnhofstrasse', postcode: '5000' }, 'Aarau');
    await save(page);
    await savedOk(page);
    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online.at(-1)).to.include({ coName, postcode: '5000' });
  });

  it('checks each Swiss address rule at its field in German, and the server refuses the same (422, field codes)', async () => {
    const page = await openPickerPage();
    const { picker } = page;
    const login = page.login;
    part(picker, 'add-button')!.click();
    await picker.updateComplete;

    /** Saves what the form holds; returns the messages shown and the server's answer to the same address. */
    async function attempt(): Promise<{ shown: Record<string, string>; server: Record<string, string> | undefined }> {
      await save(page);
      const shown = fieldErrors(picker);
      const values = draftValues(picker);
      const answer = await callAccountApi('POST', addressesPath(login), {
        login,
        body: addressBody(values as Record<PickerField, string>, values.services as string[]),
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      expect(answer.status).to.equal(422);
      expect(answer.body.error).to.equal('validation');
      return { shown, server: answer.body.fields };
    }

    // Nothing given, no service ticked.
    serviceBox(picker, 'forwarding').click();
    let result = await attempt();
    expect(result.shown).to.deep.equal({
      name: de.name_or_company,
      street: de.street_or_po_box,
      postcode: de.required,
      locality: de.required,
      services: de.servicesRequired,
    });
    expect(result.server).to.deep.equal({ name: 'name_or_company', street: 'street_or_po_box', postcode: 'required', locality: 'required', services: 'required' });
    expect(shownText(part(picker, 'message'))).to.equal(de.validation);
    expect(focusedIn(picker), 'focus on the first field to correct').to.equal('input#name');
    await assertAccessible(picker);

    // Characters, length, a house number without a street, a PO box that is not a number, a postcode of 3 digits.
    serviceBox(picker, 'forwarding').click();
    await typeInto(picker, 'name', 'Marc "Keller"');
    await typeInto(picker, 'company', 'K'.repeat(61));
    await typeInto(picker, 'houseNumber', '12');
    await typeInto(picker, 'poBox', '12a');
    await typeInto(picker, 'postcode', '123');
    await typeInto(picker, 'locality', 'Bern');
    result = await attempt();
    expect(result.shown).to.deep.equal({
      name: de.invalid_characters,
      company: 'Diese Angabe ist zu lang: höchstens 60 Zeichen.',
      houseNumber: de.house_number_without_street,
      poBox: de.invalid_po_box,
      postcode: de.invalid_postcode,
    });
    expect(result.server).to.deep.equal({
      name: 'invalid_characters',
      company: 'too_long',
      houseNumber: 'house_number_without_street',
      poBox: 'invalid_po_box',
      postcode: 'invalid_postcode',
    });
    await assertAccessible(picker);

    // An invalid house number, a postcode no locality has.
    await typeInto(picker, 'name', 'Marc Keller');
    await typeInto(picker, 'company', '');
    await typeInto(picker, 'street', 'Bahnhofstrasse');
    await typeInto(picker, 'houseNumber', 'zwölf');
    await typeInto(picker, 'poBox', '');
    await typeInto(picker, 'postcode', '9999');
    await waitFor(() => page.requests.some((request) => request.url.includes('postcode=9999') && request.settled), 'the directory');
    await new Promise((resolve) => setTimeout(resolve, 100));
    result = await attempt();
    expect(result.shown).to.deep.equal({ houseNumber: de.invalid_house_number, postcode: de.unknown_postcode });
    expect(result.server).to.deep.equal({ houseNumber: 'invalid_house_number', postcode: 'unknown_postcode' });

    // A locality that is not the postcode's.
    await typeInto(picker, 'houseNumber', '12');
    await typeInto(picker, 'postcode', '5000');
    await waitFor(() => pickerField(picker, 'locality').value === 'Aarau', 'the locality of 5000');
    await typeInto(picker, 'locality', 'Bern');
    result = await attempt();
    expect(result.shown).to.deep.equal({ locality: 'Dieser Ort gehört nicht zur Postleitzahl 5000.' });
    expect(result.server).to.deep.equal({ locality: 'locality_mismatch' });

    expect(writes(page), 'the widget sent none of these').to.deep.equal([]);
    expect((await storedAddressesOf(ACCOUNTS.marc.email)).online, 'and the server stored none').to.have.length(2);
  });

  it('a French customer reads the same rules in French, from the widget and from the server', async () => {
    await executeServerCommand('api-fault', { method: 'GET', path: '/localities', fault: 'status-500', times: 20 });
    const page = await openPickerPage({ lang: 'fr' });
    const { picker } = page;
    part(picker, 'add-button')!.click();
    await picker.updateComplete;
    serviceBox(picker, 'forwarding').click();
    await save(page);
    expect(fieldErrors(picker)).to.deep.equal({
      name: fr.name_or_company,
      street: fr.street_or_po_box,
      postcode: fr.required,
      locality: fr.required,
      services: fr.servicesRequired,
    });
    expect(shownText(part(picker, 'message'))).to.equal(fr.validation);

    // The directory cannot be asked: the server's locality_mismatch comes back, said in French.
    serviceBox(picker, 'forwarding').click();
    await typeInto(picker, 'name', 'Marc Keller');
    await typeInto(picker, 'street', 'Rue de Lausanne');
    await typeInto(picker, 'postcode', '1700');
    await typeInto(picker, 'locality', 'Genève');
    const before = page.events.length; // the widget's own refusal above was one error event
    await save(page);
    await waitFor(() => page.events.length > before, 'the answer');
    expect(fieldErrors(picker)).to.deep.equal({ locality: 'Cette localité ne correspond pas au NPA 1700.' });
    await assertAccessible(picker);
  });

  it("shows the server's field codes when the widget could not ask the directory itself", async () => {
    await executeServerCommand('api-fault', { method: 'GET', path: '/localities', fault: 'status-500', times: 20 });
    const page = await openPickerPage();
    const { picker } = page;
    part(picker, 'add-button')!.click();
    await picker.updateComplete;
    await typeInto(picker, 'name', 'Marc Keller');
    await typeInto(picker, 'street', 'Bahnhofstrasse');
    await typeInto(picker, 'postcode', '5000');
    await typeInto(picker, 'locality', 'Bern');
    await save(page);
    await waitFor(() => page.events.length, 'the answer');
    expect(writes(page), 'the widget let the server decide').to.have.length(1);
    expect(fieldErrors(picker)).to.deep.equal({ locality: 'Dieser Ort gehört nicht zur Postleitzahl 5000.' });
    expect(shownText(part(picker, 'message'))).to.equal(de.validation);
    expect(page.events.map(({ type, code, action }) => ({ type, code, action }))).to.deep.equal([
      { type: 'address-picker-error', code: 'validation', action: 'save' },
    ]);
    expect(draftValues(picker)).to.include({ name: 'Marc Keller', street: 'Bahnhofstrasse', postcode: '5000', locality: 'Bern' });
    expect((await storedAddressesOf(ACCOUNTS.marc.email)).online).to.have.length(2);
    await assertAccessible(picker);
  });

  it('hostile text typed by the customer stays text: in the field, refused as invalid characters, no element created', async () => {
    const page = await openPickerPage();
    const { picker } = page;
    const alerts: unknown[] = [];
    const realAlert = window.alert;
    window.alert = (message?: unknown) => alerts.push(message);
    try {
      part(picker, 'add-button')!.click();
      await picker.updateComplete;
      const hostile = '<img src=x onerror=alert(1)>';
      const hostileStreet = '"><svg onload=alert(2)>';
      await typeInto(picker, 'name', hostile);
      await typeInto(picker, 'street', hostileStreet);
      await typeInto(picker, 'postcode', '3000');
      await waitFor(() => pickerField(picker, 'locality').value === 'Bern', 'the locality');
      await save(page);
      expect(pickerField(picker, 'name').value).to.equal(hostile);
      expect(pickerField(picker, 'street').value).to.equal(hostileStreet);
      expect(fieldErrors(picker)).to.deep.equal({ name: de.invalid_characters, street: de.invalid_characters });
      expect(picker.shadowRoot!.querySelectorAll('img, svg, script, iframe, object')).to.have.length(0);
      expect(document.querySelectorAll('img, svg')).to.have.length(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(alerts).to.deep.equal([]);
      expect(writes(page)).to.deep.equal([]);

      const answer = await callAccountApi('POST', addressesPath(page.login), {
        login: page.login,
        body: addressBody({ name: hostile, street: hostileStreet, postcode: '3000', locality: 'Bern' }, ['forwarding']),
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      expect(answer.status).to.equal(422);
      expect(answer.body.fields).to.deep.equal({ name: 'invalid_characters', street: 'invalid_characters' });
      expect((await storedAddressesOf(ACCOUNTS.marc.email)).online).to.have.length(2);
    } finally {
      window.alert = realAlert;
    }
  });

  describe('a conflicting change saved meanwhile (412)', () => {
    async function conflict(): Promise<PickerPage> {
      const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
      const { picker } = page;
      part(picker, 'edit-button')!.click();
      await picker.updateComplete;
      await typeInto(picker, 'street', 'Bahnhofstrasse');
      await typeInto(picker, 'houseNumber', '15');
      // Another administrator saves a different version while the form is open.
      await executeServerCommand('backend-change-address', { id: ADDRESS_IDS.kellerAarau, changes: { street: 'Rohrerstrasse', houseNumber: '20' } });
      await save(page);
      await waitFor(() => part(picker, 'conflict'), 'both versions');
      await picker.updateComplete;
      const shown = part(picker, 'conflict')!;
      expect(shownText(shown.querySelector('[role=heading]'))).to.equal(de.conflict);
      expect(focusedIn(picker), 'focus on the conflict').to.equal('p#conflict');
      const [mine, theirs] = [...shown.querySelectorAll('.versions > section')];
      expect(shownText(mine)).to.equal(`${de.yourVersion} Keller Logistik AG c/o Lager Aarau Bahnhofstrasse 15 5000 Aarau`);
      expect(shownText(theirs)).to.equal(`${de.savedVersion} Keller Logistik AG c/o Lager Aarau Rohrerstrasse 20 5000 Aarau`);
      expect(page.events.map(({ type, code }) => ({ type, code }))).to.deep.equal([{ type: 'address-picker-error', code: 'conflict' }]);
      const stored = (await storedAddressesOf(ACCOUNTS.marc.email)).online.find((address) => address.id === ADDRESS_IDS.kellerAarau);
      expect(stored, 'the refused write changed nothing').to.include({ version: 2, street: 'Rohrerstrasse' });
      await assertAccessible(picker);
      return page;
    }

    it('"keep my version" stores the customer\'s version over the other', async () => {
      const page = await conflict();
      part(page.picker, 'keep-mine-button')!.click();
      await savedOk(page);
      const stored = (await storedAddressesOf(ACCOUNTS.marc.email)).online.find((address) => address.id === ADDRESS_IDS.kellerAarau);
      expect(stored).to.include({ version: 3, street: 'Bahnhofstrasse', houseNumber: '15' });
      expect(writes(page).map((request) => request.headers['if-match'])).to.deep.equal(['"1"', '"2"']);
      expect(page.events.at(-1)).to.include({ type: 'address-picker-save', addressId: ADDRESS_IDS.kellerAarau, created: false });
      expect(shownText(part(page.picker, 'combobox'))).to.contain('Bahnhofstrasse 15');
    });

    it('"use the saved version" keeps the other one, closes the form and writes nothing', async () => {
      const page = await conflict();
      const before = writes(page).length;
      part(page.picker, 'keep-saved-button')!.click();
      await page.picker.updateComplete;
      expect(hasPart(page.picker, 'conflict')).to.equal(false);
      expect(hasPart(page.picker, 'form')).to.equal(false);
      expect(shownText(part(page.picker, 'combobox'))).to.equal('Keller Logistik AG, c/o Lager Aarau, Rohrerstrasse 20, 5000 Aarau');
      expect(shownText(part(page.picker, 'message'))).to.equal('');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(writes(page)).to.have.length(before);
      const stored = (await storedAddressesOf(ACCOUNTS.marc.email)).online.find((address) => address.id === ADDRESS_IDS.kellerAarau);
      expect(stored).to.include({ version: 2, street: 'Rohrerstrasse', houseNumber: '20' });
    });
  });

  describe('double submit sends one request', () => {
    async function editing(): Promise<PickerPage> {
      const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
      part(page.picker, 'edit-button')!.click();
      await page.picker.updateComplete;
      await typeInto(page.picker, 'street', 'Bahnhofstrasse');
      // A slow answer, so that the second press surely comes while the first save is under way.
      await executeServerCommand('api-fault', { method: 'PUT', path: '/accounts/*/addresses/*', fault: 'delay', ms: 800 });
      return page;
    }

    async function oneWrite(page: PickerPage): Promise<void> {
      await savedOk(page);
      expect(writes(page)).to.have.length(1);
      expect(page.events.filter((event) => event.type === 'address-picker-save')).to.have.length(1);
      const stored = (await storedAddressesOf(ACCOUNTS.marc.email)).online.find((address) => address.id === ADDRESS_IDS.kellerAarau);
      expect(stored).to.include({ version: 2, street: 'Bahnhofstrasse' });
    }

    it('two quick clicks on "save"', async () => {
      const page = await editing();
      part(page.picker, 'save-button')!.scrollIntoView({ block: 'center' });
      const button = part(page.picker, 'save-button')!.getBoundingClientRect();
      const position: [number, number] = [Math.round(button.x + button.width / 2), Math.round(button.y + button.height / 2)];
      // Real mouse clicks at the button (the browser's input pipeline), the second one while the first save runs.
      await sendMouse({ type: 'click', position });
      await sendMouse({ type: 'click', position });
      expect(shownText(part(page.picker, 'status'))).to.equal(de.saving);
      expect(part(page.picker, 'save-button')!.getAttribute('aria-disabled')).to.equal('true');
      await oneWrite(page);
    });

    it('Enter twice in a field', async () => {
      const page = await editing();
      pickerField(page.picker, 'street').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      expect(shownText(part(page.picker, 'status'))).to.equal(de.saving);
      await oneWrite(page);
    });
  });

  it('the postcode\'s localities arriving while "save" runs: the save is confirmed and the form closes', async () => {
    // Opening the form looks up the postcode's localities; both answers are slow, the localities' lands mid-save.
    await executeServerCommand('api-fault', [
      { method: 'GET', path: '/localities', fault: 'delay', ms: 1500 },
      { method: 'PUT', path: '/accounts/*/addresses/*', fault: 'delay', ms: 3000 },
    ]);
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    part(page.picker, 'edit-button')!.click();
    await page.picker.updateComplete;
    await typeInto(page.picker, 'street', 'Bahnhofstrasse');
    await save(page);
    expect(shownText(part(page.picker, 'status'))).to.equal(de.saving);
    await savedOk(page);
    expect(hasPart(page.picker, 'form'), 'the form closed').to.equal(false);
    const stored = (await storedAddressesOf(ACCOUNTS.marc.email)).online.find((address) => address.id === ADDRESS_IDS.kellerAarau);
    expect(stored).to.include({ version: 2, street: 'Bahnhofstrasse' });
  });

  it('the limit is the server\'s: an address added meanwhile makes the add refused (409), the input kept', async () => {
    const page = await openPickerPage();
    const { picker } = page;
    await addAddress(picker, { company: 'Keller Logistik AG', street: 'Bollwerk', postcode: '3000' }, 'Bern');
    const typed = draftValues(picker);
    // Another administrator adds the third address meanwhile.
    const other = await callAccountApi('POST', addressesPath(page.login), {
      login: page.login,
      body: addressBody({ company: 'Keller Logistik AG', street: 'Bahnhofplatz', houseNumber: '1', postcode: '5000', locality: 'Aarau' }, ['po-box']),
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(other.status).to.equal(201);

    await save(page);
    await waitFor(() => page.events.length, 'the answer');
    expect(page.events.map(({ type, code, action }) => ({ type, code, action }))).to.deep.equal([
      { type: 'address-picker-error', code: 'limit_reached', action: 'save' },
    ]);
    const message = part(picker, 'message')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(shownText(message)).to.equal(`${de.limit_reached} ${de.kept} ${de.limitNote}`);
    expect(draftValues(picker)).to.deep.equal(typed);
    expect((await storedAddressesOf(ACCOUNTS.marc.email)).online).to.have.length(3);
    await assertAccessible(picker);

    part(picker, 'cancel-button')!.click();
    await picker.updateComplete;
    expect(hasPart(picker, 'add-button')).to.equal(false);
    expect(shownText(picker.shadowRoot!.querySelector('.picker'))).to.contain(de.limitNote);
  });
});

describe('<address-picker> removing an address that no longer serves (Marc Keller)', () => {
  before(() => signInWithPopup(ACCOUNTS.marc));
  beforeEach(reset);
  afterEach(cleanUp);

  const deletes = (page: PickerPage) => page.requests.filter((request) => request.method === 'DELETE');

  it('asks first; "cancel" keeps it; "remove" deletes it in the database, drops the choice and tells the host', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker } = page;
    part(picker, 'remove-button')!.click();
    await picker.updateComplete;
    expect(shownText(part(picker, 'removal'))).to.contain(de.removeConfirm.replace('{address}', LINES.kellerAarau));
    expect(picker.shadowRoot!.activeElement?.getAttribute('part'), 'focus on the way out that loses nothing').to.equal('cancel-remove-button');
    await assertAccessible(picker);

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !hasPart(picker, 'removal'), 'the question to go');
    expect(picker.shadowRoot!.activeElement?.getAttribute('part'), 'back where the question came from').to.equal('remove-button');
    expect(deletes(page), 'nothing sent').to.deep.equal([]);

    part(picker, 'remove-button')!.click();
    await picker.updateComplete;
    part(picker, 'confirm-remove-button')!.click();
    await waitFor(() => shownText(part(picker, 'status')) === de.removed, 'the removal confirmed');
    expect(deletes(page)).to.have.length(1);
    expect(deletes(page)[0].headers['if-match'], 'the version shown').to.equal('"1"');
    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online.map((address) => address.id)).to.deep.equal([ADDRESS_IDS.kellerPoBox]);
    expect(page.events.filter((event) => event.type !== 'input')).to.deep.equal([
      { type: 'address-picker-remove', value: ADDRESS_IDS.kellerAarau, addressId: ADDRESS_IDS.kellerAarau, created: undefined, code: undefined, action: undefined },
      { type: 'change', value: '', addressId: undefined, created: undefined, code: undefined, action: undefined },
    ]);
    picker.shadowRoot!.querySelector<HTMLElement>('[role=combobox]')!.click();
    await picker.updateComplete;
    expect([...picker.shadowRoot!.querySelectorAll('[role=option]')].map(shownText)).to.deep.equal([LINES.kellerPoBox]);
    await assertAccessible(picker);
  });

  it('changed meanwhile (412): says so, removes nothing, and shows the address as it is now', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker } = page;
    part(picker, 'remove-button')!.click();
    await picker.updateComplete;
    await executeServerCommand('backend-change-address', { id: ADDRESS_IDS.kellerAarau, changes: { street: 'Rohrerstrasse', houseNumber: '20' } });
    part(picker, 'confirm-remove-button')!.click();
    await waitFor(() => shownText(part(picker, 'message')).includes(de.conflict), 'the conflict');
    await waitFor(() => shownText(part(picker, 'combobox')).includes('Rohrerstrasse 20'), 'the address as it is now');
    expect(page.events.filter((event) => event.type === 'address-picker-error')).to.deep.equal([
      {
        type: 'address-picker-error',
        value: ADDRESS_IDS.kellerAarau,
        addressId: undefined,
        created: undefined,
        code: 'conflict',
        action: 'remove',
        diagnostic: 'HTTP conflict (412) version_mismatch',
      },
    ]);
    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online.find((address) => address.id === ADDRESS_IDS.kellerAarau)).to.include({ version: 2, street: 'Rohrerstrasse' });
    await assertAccessible(picker);
  });
});

describe('<address-picker> for Lea Rossi, user at Keller Logistik AG: agrees the address with the administrator, then saves it', () => {
  before(() => signInWithPopup(ACCOUNTS.lea));
  beforeEach(reset);
  afterEach(cleanUp);

  it('names the administrator to agree with, and her change is stored for the company', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker } = page;
    expect(shownText(picker.shadowRoot!.querySelector('.picker'))).to.contain(de.agreeNote.replace('{administrator}', 'Marc Keller'));
    expect(hasPart(picker, 'edit-button')).to.equal(true);
    await assertAccessible(picker);

    part(picker, 'edit-button')!.click();
    await picker.updateComplete;
    await typeInto(picker, 'street', 'Bahnhofstrasse');
    await typeInto(picker, 'houseNumber', '15b');
    await save(page);
    await savedOk(page);

    // The company's addresses: what Marc Keller, its superadministrator, sees too.
    const { online } = await storedAddressesOf(ACCOUNTS.marc.email);
    expect(online.find((address) => address.id === ADDRESS_IDS.kellerAarau)).to.include({ version: 2, street: 'Bahnhofstrasse', houseNumber: '15b' });
    expect(page.events.map((event) => event.type)).to.deep.equal(['address-picker-save']);
  });
});

describe('<address-picker> for Anna Muster, private customer at her limit (1 of 1)', () => {
  before(() => signInWithPopup(ACCOUNTS.anna));
  beforeEach(reset);
  afterEach(cleanUp);

  it('may edit, not add: the limit note; the server refuses another address (409 limit_reached)', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.anna });
    const { picker } = page;
    expect(hasPart(picker, 'edit-button')).to.equal(true);
    expect(hasPart(picker, 'add-button')).to.equal(false);
    expect(shownText(picker.shadowRoot!.querySelector('.picker'))).to.contain(de.limitNote);
    expect(shownText(part(picker, 'billing'))).to.contain('Kramgasse 12');
    await assertAccessible(picker);

    const answer = await callAccountApi('POST', addressesPath(page.login), {
      login: page.login,
      body: addressBody({ name: 'Anna Muster', street: 'Marktgasse', houseNumber: '3', postcode: '3000', locality: 'Bern' }, ['forwarding']),
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(answer.status).to.equal(409);
    expect(answer.body.error).to.equal('limit_reached');
    expect(answer.body.message).to.contain('customer service can register several');
    expect((await storedAddressesOf(ACCOUNTS.anna.email)).online.map((address) => address.id)).to.deep.equal([ADDRESS_IDS.anna]);
  });

  it('her only address stays: "remove" says why, without asking the API; the API refuses it too (409)', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.anna });
    const { picker } = page;
    part(picker, 'remove-button')!.click();
    await waitFor(() => shownText(part(picker, 'message')).includes(de.last_address), 'the reason');
    expect(hasPart(picker, 'removal'), 'nothing to confirm').to.equal(false);
    expect(page.requests.filter((request) => request.method === 'DELETE')).to.deep.equal([]);
    expect(page.events.filter((event) => event.type === 'address-picker-error')).to.deep.equal([
      { type: 'address-picker-error', value: ADDRESS_IDS.anna, addressId: undefined, created: undefined, code: 'last_address', action: 'remove', diagnostic: 'last_address' },
    ]);
    await assertAccessible(picker);

    const login = page.login;
    const answer = await callAccountApi('DELETE', addressesPath(login, ADDRESS_IDS.anna), {
      login,
      headers: { 'If-Match': '"1"', 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(answer.status).to.equal(409);
    expect(answer.body.error).to.equal('last_address');
    expect((await storedAddressesOf(ACCOUNTS.anna.email)).online.map((address) => address.id)).to.deep.equal([ADDRESS_IDS.anna]);
  });

  it("never reads or writes another customer's address (404)", async () => {
    const page = await openPickerPage();
    const login = page.login;
    const options = [...page.picker.shadowRoot!.querySelectorAll('[role=option]')].map(shownText);
    expect(options).to.deep.equal(['Anna Muster, c/o Beat Muster, Länggassstrasse 7a, 3000 Bern']);

    const read = await callAccountApi('GET', addressesPath(login, ADDRESS_IDS.kellerPoBox), { login });
    expect(read.status).to.equal(404);
    expect(JSON.stringify(read.body)).not.to.contain('Hardturmstrasse');
    const write = await callAccountApi('PUT', addressesPath(login, ADDRESS_IDS.kellerPoBox), {
      login,
      body: addressBody({ name: 'Anna Muster', street: 'Kramgasse', houseNumber: '1', postcode: '3000', locality: 'Bern' }, ['forwarding']),
      headers: { 'If-Match': '"1"', 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(write.status).to.equal(404);
    const list = await callAccountApi('GET', addressesPath(login), { login });
    expect(JSON.stringify(list.body)).not.to.contain(ADDRESS_IDS.kellerPoBox);
    // Nor by naming the company's account: she may not act for it.
    const foreign = await callAccountApi('GET', `/accounts/${ACCOUNTS.marc.accountId}/addresses`, { login });
    expect(foreign.status).to.equal(404);
    expect(JSON.stringify(foreign.body)).not.to.contain('Hardturmstrasse');
    const foreignWrite = await callAccountApi('POST', `/accounts/${ACCOUNTS.marc.accountId}/addresses`, {
      login,
      body: addressBody({ name: 'Anna Muster', street: 'Kramgasse', houseNumber: '1', postcode: '3000', locality: 'Bern' }, ['forwarding']),
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(foreignWrite.status).to.equal(404);
    const keller = (await storedAddressesOf(ACCOUNTS.marc.email)).online;
    expect(keller.find((address) => address.id === ADDRESS_IDS.kellerPoBox)).to.include({ version: 1, name: null, street: 'Hardturmstrasse' });
    expect(keller, 'nothing added to the company').to.have.length(2);
  });
});
