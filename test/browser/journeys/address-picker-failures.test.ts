import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AddressPicker, PostLogin } from '../../../src/index.js';
import '../../../src/index.js';
import de from '../../../src/i18n/address-picker.de.js';
import { ACCOUNTS, AppFrame, assertAccessible, clearStorage, eventsOfType, fixtureConfig, part, signInWithRedirect, signOutInAnotherTab, waitFor } from '../support.js';
import {
  ADDRESS_IDS,
  focusedIn,
  hasPart,
  closePickerPage,
  draftValues,
  openPickerPage,
  pressSave,
  shownText,
  signInWithPopup,
  storedAddressesOf,
  typeInto,
  waitSaved,
  writesOf,
  type PickerPage,
  type StoredAddress,
  addAddress,
} from '../address-picker-support.js';

/**
 * `<address-picker>` when the network or the account API fails, against the real reference backend: the faults are
 * injected by the test-only fault layer in front of the real API (demo/server/api-faults.mjs), the session ends at
 * the real provider. Whatever fails, what the customer typed stays in the form, the alert says what happened, the
 * database shows nothing half-done, and saving again stores the address exactly once.
 */
const reset = () => executeServerCommand('backend-reset-addresses');
async function cleanUp(): Promise<void> {
  closePickerPage();
  await executeServerCommand('api-clear-faults');
  await executeServerCommand('close-popups');
}

async function aarau(): Promise<StoredAddress> {
  return (await storedAddressesOf(ACCOUNTS.marc.email)).online.find((address) => address.id === ADDRESS_IDS.kellerAarau)!;
}

/** Marc edits the Aarau address: a new c/o, street and postcode (its only locality filled in). */
async function editAarau(picker: AddressPicker): Promise<Record<string, string | string[]>> {
  part(picker, 'edit-button')!.click();
  await picker.updateComplete;
  await typeInto(picker, 'coName', 'Lager Bern');
  await typeInto(picker, 'street', 'Bahnhofstrasse');
  await typeInto(picker, 'houseNumber', '15');
  await typeInto(picker, 'postcode', '3000');
  await waitFor(() => (picker.shadowRoot!.querySelector('[name="locality"]') as HTMLInputElement).value === 'Bern', 'the locality');
  const typed = draftValues(picker);
  expect(typed).to.include({ company: 'Keller Logistik AG', coName: 'Lager Bern', street: 'Bahnhofstrasse', houseNumber: '15', postcode: '3000', locality: 'Bern' });
  return typed;
}

/** The alert as the customer reads it: its role, and the sentence that says what happened. */
function alertSays(picker: AddressPicker): string {
  const message = part(picker, 'message')!;
  expect(message.getAttribute('role')).to.equal('alert');
  return shownText(message.querySelector('p'));
}

const errors = (page: PickerPage) => page.events.filter((event) => event.type === 'address-picker-error').map(({ code, action }) => ({ code, action }));
const saves = (page: PickerPage) => page.events.filter((event) => event.type === 'address-picker-save').map(({ addressId, created }) => ({ addressId, created }));

/** For tests that end Marc's session: the data and a fresh sign-in before each of them. */
async function resetAndSignInMarc(): Promise<void> {
  await reset();
  await signInWithPopup(ACCOUNTS.marc);
}

describe('<address-picker> save failures keep what the customer typed (Marc Keller)', () => {
  before(() => signInWithPopup(ACCOUNTS.marc));
  beforeEach(reset);
  afterEach(cleanUp);

  const FAILURES = [
    // Twice: Chromium silently resends a request whose connection (opened ahead of time) was reset.
    // diagnostic: what the error event tells the page's developers besides the code.
    { what: 'the address service is down (connection reset)', rule: { fault: 'reset', times: 2 }, code: 'unreachable' as const, diagnostic: 'HTTP network' },
    { what: 'no answer in time (timeout 1.5 s, the answer would take 5 s)', rule: { fault: 'delay', ms: 5000 }, code: 'timeout' as const, timeout: '1500', diagnostic: 'HTTP timeout' },
    { what: 'a server error (500)', rule: { fault: 'status-500' }, code: 'server' as const, diagnostic: 'HTTP server (500)' },
    { what: 'an answer that is not JSON', rule: { fault: 'malformed-json' }, code: 'malformed' as const, diagnostic: 'HTTP malformed (200)' },
    {
      // An error that is no code (here shaped like a token, with markup) stays out of the event: only the status is told.
      what: 'a refusal whose error is no code',
      rule: { fault: 'body', status: 409, body: { error: 'invalid token eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln <img src=x>' } },
      code: 'server' as const,
      diagnostic: 'HTTP conflict (409)',
    },
  ];
  for (const { what, rule, code, timeout, diagnostic } of FAILURES) {
    it(`${what}: says so, keeps the input, stores nothing; saving again stores it once`, async () => {
      const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau, ...(timeout ? { timeout } : {}) });
      const { picker } = page;
      const typed = await editAarau(picker);
      await executeServerCommand('api-fault', { method: 'PUT', path: '/accounts/*/addresses/*', ...rule });
      const started = Date.now();
      await pressSave(page.picker);
      await waitFor(() => errors(page).length, 'the failure', 10_000);
      await picker.updateComplete;
      if (timeout) expect(Date.now() - started, 'gave up after its timeout').to.be.within(1400, 4000);

      expect(errors(page)).to.deep.equal([{ code, action: 'save' }]);
      expect(page.events.find((event) => event.type === 'address-picker-error')?.diagnostic).to.equal(diagnostic);
      expect(alertSays(picker)).to.equal(`${de[code]} ${de.kept}`);
      expect(focusedIn(picker), 'focus on the alert').to.equal('div#message');
      expect(shownText(part(picker, 'status')), 'no longer "saving"').to.equal('');
      expect(draftValues(picker), 'the form holds exactly what was typed').to.deep.equal(typed);
      expect(await aarau(), 'nothing stored').to.include({ version: 1, street: 'Industriestrasse', coName: 'Lager Aarau', postcode: '5000' });
      await assertAccessible(picker);

      await executeServerCommand('api-clear-faults');
      await pressSave(page.picker);
      await waitSaved(picker, de.saved);
      expect(shownText(part(picker, 'message'))).to.equal('');
      expect(await aarau()).to.include({ version: 2, coName: 'Lager Bern', street: 'Bahnhofstrasse', houseNumber: '15', postcode: '3000', locality: 'Bern' });
      const [first, second] = writesOf(page.requests);
      expect(writesOf(page.requests)).to.have.length(2);
      expect(second.headers['idempotency-key'], 'the retry of the same content reuses its key').to.equal(first.headers['idempotency-key']);
      expect(saves(page)).to.deep.equal([{ addressId: ADDRESS_IDS.kellerAarau, created: false }]);
    });
  }

  it('an answer of the wrong shape on load: says so with "try again", which then loads', async () => {
    // Every load while the fault is on (the picker loads when it connects and again when the login is ready).
    await executeServerCommand('api-fault', { method: 'GET', path: '/accounts/*/addresses', fault: 'wrong-shape', times: 10 });
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker } = page;
    expect(hasPart(picker, 'combobox'), 'nothing half-read is shown').to.equal(false);
    expect(hasPart(picker, 'billing')).to.equal(false);
    expect(alertSays(picker)).to.equal(`${de.loadFailed} ${de.malformed}`);
    expect(errors(page)).to.deep.equal([{ code: 'malformed', action: 'load' }]);
    const retry = part(picker, 'message')!.querySelector('button')!;
    expect(shownText(retry)).to.equal(de.retry);
    await assertAccessible(picker);

    await executeServerCommand('api-clear-faults');
    retry.click();
    const combobox = await waitFor(() => part(picker, 'combobox'), 'the addresses after "try again"');
    expect(shownText(combobox)).to.equal('Keller Logistik AG, c/o Lager Aarau, Industriestrasse 8, 5000 Aarau');
    expect(shownText(part(picker, 'message'))).to.equal('');
    expect(page.requests.filter((request) => request.url.endsWith('/addresses'))).to.have.length.of.at.least(2);
  });

  describe('the answer is lost after the server stored the address (drop-response)', () => {
    it('a new address: "save" again sends the same Idempotency-Key, and the database has it once', async () => {
      const page = await openPickerPage();
      const { picker } = page;
      await addAddress(picker, { company: 'Keller Logistik AG', street: 'Bollwerk', houseNumber: '10', postcode: '3000' }, 'Bern');
      const typed = draftValues(picker);
      await executeServerCommand('api-fault', { method: 'POST', path: '/accounts/*/addresses', fault: 'drop-response', times: 2 });
      await pressSave(picker);
      await waitFor(() => errors(page).length, 'the failure');
      await picker.updateComplete;
      expect(errors(page)).to.deep.equal([{ code: 'unreachable', action: 'save' }]);
      expect(alertSays(picker)).to.equal(`${de.unreachable} ${de.kept}`);
      expect(draftValues(picker)).to.deep.equal(typed);
      const stored = (await storedAddressesOf(ACCOUNTS.marc.email)).online;
      expect(stored, 'the server did store it').to.have.length(3);
      await assertAccessible(picker);

      await executeServerCommand('api-clear-faults'); // the second drop is left when Chromium did not resend
      await pressSave(picker);
      await waitSaved(picker, de.saved);
      const online = (await storedAddressesOf(ACCOUNTS.marc.email)).online;
      expect(online.map((address) => address.id), 'still exactly one new address').to.deep.equal(stored.map((address) => address.id));
      const created = online[2];
      expect(created).to.include({ street: 'Bollwerk', houseNumber: '10', locality: 'Bern', version: 1 });
      const [first, second] = writesOf(page.requests);
      expect(writesOf(page.requests)).to.have.length(2);
      expect(second.headers['idempotency-key']).to.equal(first.headers['idempotency-key']);
      expect(picker.value, 'the address the server stored is chosen').to.equal(created.id);
      expect(saves(page)).to.deep.equal([{ addressId: created.id, created: true }]);
      expect(hasPart(picker, 'add-button'), 'and the limit is reached').to.equal(false);
    });

    it('a new address changed after the lost answer: the stored one is changed, never a second one created', async () => {
      const page = await openPickerPage();
      const { picker } = page;
      await addAddress(picker, { company: 'Keller Logistik AG', street: 'Bollwerk', houseNumber: '10', postcode: '3000' }, 'Bern');
      await executeServerCommand('api-fault', { method: 'POST', path: '/accounts/*/addresses', fault: 'drop-response', times: 2 });
      await pressSave(picker);
      await waitFor(() => errors(page).length, 'the failure');
      const before = (await storedAddressesOf(ACCOUNTS.marc.email)).online;
      expect(before, 'the server did store it').to.have.length(3);
      await executeServerCommand('api-clear-faults'); // the second drop is left when Chromium did not resend

      await typeInto(picker, 'houseNumber', '12'); // the customer corrects the number, then saves again
      await pressSave(picker);
      await waitSaved(picker, de.saved);
      const online = (await storedAddressesOf(ACCOUNTS.marc.email)).online;
      expect(online.map((address) => address.id), 'still one new address').to.deep.equal(before.map((address) => address.id));
      expect(online[2]).to.include({ street: 'Bollwerk', houseNumber: '12', version: 2 });
      // The second POST (same key, other content) was refused with what the first stored; the PUT changed that.
      expect(writesOf(page.requests).map((request) => request.method)).to.deep.equal(['POST', 'POST', 'PUT']);
      expect(picker.value).to.equal(online[2].id);
      expect(shownText(part(picker, 'combobox'))).to.contain('Bollwerk 12');
    });

    it('a change: "save" again replays the stored answer, the version goes up once', async () => {
      const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
      const { picker } = page;
      await editAarau(picker);
      await executeServerCommand('api-fault', { method: 'PUT', path: '/accounts/*/addresses/*', fault: 'drop-response', times: 2 });
      await pressSave(picker);
      await waitFor(() => errors(page).length, 'the failure');
      expect(await aarau(), 'stored, the answer lost').to.include({ version: 2, street: 'Bahnhofstrasse' });
      await executeServerCommand('api-clear-faults'); // the second drop is left when Chromium did not resend
      await pressSave(picker);
      await waitSaved(picker, de.saved);
      expect(await aarau(), 'not stored twice, no conflict with itself').to.include({ version: 2, street: 'Bahnhofstrasse' });
      expect(errors(page)).to.deep.equal([{ code: 'unreachable', action: 'save' }]);
      expect(saves(page)).to.deep.equal([{ addressId: ADDRESS_IDS.kellerAarau, created: false }]);
    });
  });
});

describe('<address-picker> when the customer signs out', () => {
  beforeEach(resetAndSignInMarc);
  afterEach(cleanUp);

  it('in another tab: forgets the edit, the stored copy of it and the choice', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker } = page;
    await editAarau(picker);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('post-login:customer:address-picker:draft:')), 'kept while editing').to.have.length(1);
    signOutInAnotherTab();
    await waitFor(() => shownText(picker.shadowRoot!.querySelector('.picker')).includes(de.signedOut), 'the signed-out picker');
    expect(picker.shadowRoot!.querySelector('form'), 'no form with their address').to.equal(null);
    expect(shownText(picker.shadowRoot!.querySelector('.picker'))).not.to.contain('Bahnhofstrasse');
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('post-login:customer:address-picker:draft:')), 'no stored copy').to.deep.equal([]);
    expect(picker.value, 'back to the value attribute').to.equal(ADDRESS_IDS.kellerAarau);
    expect(new FormData(page.form).has('address'), 'nothing submitted for nobody').to.equal(false);
  });
});

describe('<address-picker> when another login on the page signs out', () => {
  let otherLogin: PostLogin | null = null;
  beforeEach(async () => {
    await reset();
    // A second, separately configured login (another client), signed in too; the picker's login is signed in last.
    const otherConfig = await signInWithPopup(ACCOUNTS.marc, { clientId: 'post-login-short' });
    await signInWithPopup(ACCOUNTS.marc, { keepSessions: true });
    otherLogin = document.createElement('post-login');
    for (const [name, value] of Object.entries(otherConfig)) otherLogin.setAttribute(name, value);
  });
  afterEach(async () => {
    otherLogin?.remove();
    await cleanUp();
  });

  it("keeps the customer's edit: only the picker's own login counts", async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker, login } = page;
    const otherSignOuts: Event[] = [];
    otherLogin!.addEventListener('post-login-sign-out', (event) => otherSignOuts.push(event));
    document.body.append(otherLogin!); // after the picker's login: the picker uses the first on the page
    await waitFor(() => otherLogin!.status === 'signed-in', 'the other login signed in');
    const typed = await editAarau(picker);
    signOutInAnotherTab(undefined, 'post-login-short');
    await waitFor(() => otherSignOuts.length === 1, "the other login's sign-out event");
    expect(otherLogin!.status).to.equal('signed-out');
    await picker.updateComplete; // the event reached every listener at once: a picker that listened has reacted
    expect(login.status, "the picker's login stays").to.equal('signed-in');
    expect(draftValues(picker), 'the edit is still there').to.deep.equal(typed);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('post-login:customer:address-picker:draft:')), 'its stored copy too').to.have.length(1);
  });
});

describe('<address-picker> when the access token is refused in the middle of a save (401)', () => {
  beforeEach(resetAndSignInMarc);
  afterEach(cleanUp);

  it('an ended access token is renewed and the save goes through without the customer noticing', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker } = page;
    await editAarau(picker);
    await executeServerCommand('backend-end-swissid-access-tokens');
    await pressSave(picker);
    await waitSaved(picker, de.saved);
    expect(errors(page)).to.deep.equal([]);
    expect(shownText(part(picker, 'message'))).to.equal('');
    expect(await aarau()).to.include({ version: 2, street: 'Bahnhofstrasse', postcode: '3000' });
    const [refused, renewed] = writesOf(page.requests);
    expect(writesOf(page.requests)).to.have.length(2);
    expect(renewed.headers.authorization, 'sent again with a renewed token').not.to.equal(refused.headers.authorization);
    expect(renewed.headers['idempotency-key']).to.equal(refused.headers['idempotency-key']);
    expect(page.login.status).to.equal('signed-in');
  });

  it('an ended session: "log in again" (popup), the edit is still there and is then saved', async () => {
    const page = await openPickerPage({ value: ADDRESS_IDS.kellerAarau });
    const { picker, login } = page;
    const typed = await editAarau(picker);
    // The session ends at SwissID: tokens and the provider's own session (cookie).
    await executeServerCommand('backend-end-swissid-sessions');
    await executeServerCommand('browser-clear-cookies');
    await pressSave(picker);
    await waitFor(() => errors(page).length, 'the failure');
    await picker.updateComplete;
    expect(errors(page)).to.deep.equal([{ code: 'session_expired', action: 'save' }]);
    expect(alertSays(picker)).to.equal(`${de.session_expired} ${de.kept}`);
    const again = part(picker, 'message')!.querySelector('button')!;
    expect(shownText(again)).to.equal(de.signInAgain);
    expect(draftValues(picker)).to.deep.equal(typed);
    expect(await aarau()).to.include({ version: 1, street: 'Industriestrasse' });
    await waitFor(() => login.status === 'expired' || login.status === 'signed-out', 'the login to see the session ended');
    await assertAccessible(picker);

    await executeServerCommand('real-click', { selector: 'address-picker >> [part~="message"] button' });
    const signIn = (await executeServerCommand('provider-sign-in', { ...ACCOUNTS.marc, where: 'popup' })) as { alert: string | null };
    expect(signIn.alert).to.equal(null);
    await waitFor(() => login.status === 'signed-in', 'signed in again');
    await waitFor(() => hasPart(picker, 'form') && shownText(part(picker, 'message')) === '', 'the form without the alert');
    expect(draftValues(picker), 'the edit survived the sign-in').to.deep.equal(typed);
    expect(await aarau()).to.include({ version: 1 });

    await pressSave(picker);
    await waitSaved(picker, de.saved);
    expect(await aarau()).to.include({ version: 2, coName: 'Lager Bern', street: 'Bahnhofstrasse', houseNumber: '15', postcode: '3000' });
    expect(saves(page)).to.deep.equal([{ addressId: ADDRESS_IDS.kellerAarau, created: false }]);
  });

  it('an ended session, signed in again by redirect: the edit survives the page reload (sessionStorage)', async () => {
    await clearStorage();
    sessionStorage.setItem('fixture:picker-config', JSON.stringify({ name: 'address', value: ADDRESS_IDS.kellerAarau }));
    const frame = await AppFrame.open(await fixtureConfig());
    try {
      await signInWithRedirect(frame, ACCOUNTS.marc);
      await frame.waitForStatus('signed-in');
      const pickerOf = () => frame.iframe.contentDocument!.querySelector('address-picker')!;
      let picker = pickerOf();
      await waitFor(() => part(picker, 'combobox'), 'the addresses');
      const typed = await editAarau(picker);

      await executeServerCommand('backend-end-swissid-sessions');
      await executeServerCommand('browser-clear-cookies');
      await pressSave(picker);
      await waitFor(() => shownText(part(picker, 'message')).startsWith(de.session_expired), 'session expired');
      expect(eventsOfType('address-picker-error').map(({ code, action }) => ({ code, action }))).to.deep.equal([
        { code: 'session_expired', action: 'save' },
      ]);
      await assertAccessible(picker);

      const old = frame.iframe.contentDocument;
      part(picker, 'message')!.querySelector('button')!.click();
      await executeServerCommand('provider-sign-in', ACCOUNTS.marc);
      await waitFor(() => frame.iframe.contentDocument !== old && frame.element().status === 'signed-in', 'back, signed in');
      picker = pickerOf();
      await waitFor(() => part(picker, 'form'), 'the form, back after the reload');
      await picker.updateComplete;
      expect(draftValues(picker), 'the edit survived the reload').to.deep.equal(typed);
      expect(await aarau()).to.include({ version: 1 });

      await pressSave(picker);
      await waitSaved(picker, de.saved);
      expect(await aarau()).to.include({ version: 2, street: 'Bahnhofstrasse', postcode: '3000' });
      expect(eventsOfType('address-picker-save').map(({ addressId, created }) => ({ addressId, created }))).to.deep.equal([
        { addressId: ADDRESS_IDS.kellerAarau, created: false },
      ]);
      expect(Object.keys(sessionStorage).filter((key) => key.startsWith('post-login:customer:address-picker:draft:')), 'saved: nothing kept').to.deep.equal([]);
    } finally {
      frame.remove();
      sessionStorage.removeItem('fixture:picker-config');
    }
  });
});
