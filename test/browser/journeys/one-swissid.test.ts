import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { AddressPicker, PostLogin, SwissIdLinkBanner } from '../../../src/index.js';
import de from '../../../src/i18n/de.js';
import pickerDe from '../../../src/i18n/address-picker.de.js';
import errorsDe from '../../../src/i18n/errors.de.js';
import {
  AppFrame,
  assertAccessible,
  clearStorage,
  eventsOfType,
  fixtureConfig,
  NEW_SWISSIDS,
  part,
  POST_LOGINS,
  signInWithRedirect,
  waitFor,
} from '../support.js';

/**
 * One SwissID, all accounts: a person signs in once and acts for one of their accounts at a time (private, or a
 * company with their role there). Against the real providers, API and database: the older logins linked to the
 * SwissID bring their accounts, the user menu switches between them, and the address picker follows the acting
 * account, in this tab, after a reload and in the other tabs.
 */

const THOMAS = {
  private: { id: 'c1b2c3d4-0004-4000-8000-000000000004', label: de.accountPrivate, email: 'thomas.both@example.ch', billing: 'Multergasse 2' },
  business: {
    id: 'c1b2c3d4-0005-4000-8000-000000000005',
    label: `Both Treuhand GmbH · ${de.roleSuperadmin}`,
    email: 'thomas@both-treuhand.ch',
    billing: 'Rue de Lausanne 45',
  },
};

/** An element's text as read (spaces normalized); for a custom element, its shadow root's. */
function text(element: Element | null | undefined): string {
  return ((element?.shadowRoot ?? element)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function picker(frame: AppFrame): AddressPicker {
  return frame.iframe.contentDocument!.querySelector('address-picker')!;
}

function banner(frame: AppFrame): SwissIdLinkBanner {
  return frame.iframe.contentDocument!.querySelector('swissid-link-banner')!;
}

/** The account the header names as the one acted for. */
function acting(element: PostLogin): string {
  return text(part(element, 'acting-account')!);
}

/** Opens the user menu and returns its account buttons as the customer reads them, with the current one marked. */
async function accountButtons(element: PostLogin): Promise<string[]> {
  if (part(element, 'user-menu')!.hidden) part(element, 'user-button')!.click();
  await waitFor(() => !part(element, 'user-menu')!.hidden, 'the user menu');
  const buttons = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="account-button"]')];
  return buttons.map((button) => `${button.getAttribute('aria-current') === 'true' ? '● ' : ''}${text(button)}`);
}

function accountButton(element: PostLogin, label: string): HTMLElement {
  const found = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="account-button"]')].find((button) =>
    text(button).startsWith(label),
  );
  if (!found) throw new Error(`no account button for ${label}`);
  return found;
}

async function billingShows(frame: AppFrame, expected: string): Promise<void> {
  await waitFor(() => text(part(picker(frame), 'billing')).includes(expected), `the billing address ${expected}`);
}

describe('one SwissID, all accounts: acting for one account at a time (Thomas Both, private and Both Treuhand GmbH)', () => {
  const frames: AppFrame[] = [];
  const open = async (options?: { clearEvents?: boolean }) => {
    const frame = await AppFrame.open(await fixtureConfig(), options);
    frames.push(frame);
    return frame;
  };

  before(async () => {
    // Thomas linked his older login (both accounts) to this SwissID, as the banner journey does it.
    await executeServerCommand('backend-link', { email: POST_LOGINS.thomas.email, swissidSub: NEW_SWISSIDS.nora.sub });
  });
  after(() => executeServerCommand('backend-unlink', { email: POST_LOGINS.thomas.email }));
  beforeEach(async () => {
    await clearStorage();
    sessionStorage.setItem('fixture:picker-config', JSON.stringify({ service: 'forwarding' }));
  });
  afterEach(async () => {
    for (const frame of frames.splice(0)) frame.remove();
    await executeServerCommand('api-clear-faults');
  });

  it('lists both accounts; a switch acts for the company: the header, the host and the picker follow, also after a reload and in another tab', async () => {
    const frame = await open();
    await signInWithRedirect(frame, NEW_SWISSIDS.nora);
    const element = await frame.waitForStatus('signed-in');
    expect(acting(element), 'the first account to begin with').to.equal(THOMAS.private.label);
    // The host hears of every account with the sign-in: the person is the SwissID, each account has its own e-mail.
    const [signIn] = eventsOfType('post-login-sign-in') as unknown as Array<{ profile: { email: string; accounts: Array<{ id: string; email: string }> } }>;
    expect(signIn.profile.email).to.equal(NEW_SWISSIDS.nora.email);
    expect(signIn.profile.accounts.map((account) => [account.id, account.email])).to.deep.equal([
      [THOMAS.private.id, THOMAS.private.email],
      [THOMAS.business.id, THOMAS.business.email],
    ]);
    await billingShows(frame, THOMAS.private.billing);

    expect(await accountButtons(element)).to.deep.equal([
      `● ${THOMAS.private.label} ${THOMAS.private.email}`,
      `${THOMAS.business.label} ${THOMAS.business.email}`,
    ]);
    await assertAccessible(element);

    // By keyboard: the business account's button, Enter.
    accountButton(element, THOMAS.business.label).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => acting(element) === THOMAS.business.label, 'the header to name the company');
    expect(text(element.shadowRoot!.querySelector('.user-menu [role=status]')!)).to.equal(
      de.accountSwitched.replace('{account}', THOMAS.business.label),
    );
    expect(await accountButtons(element)).to.deep.equal([
      `${THOMAS.private.label} ${THOMAS.private.email}`,
      `● ${THOMAS.business.label} ${THOMAS.business.email}`,
    ]);
    expect(element.account).to.include({ id: THOMAS.business.id, type: 'business', company: 'Both Treuhand GmbH', role: 'superadmin' });
    const changes = eventsOfType('post-login-account-change');
    expect(changes.map((event) => (event.account as { id: string }).id)).to.deep.equal([THOMAS.business.id]);
    await billingShows(frame, THOMAS.business.billing);
    expect(text(picker(frame)), 'nothing of the private account left').not.to.contain(THOMAS.private.billing);
    await assertAccessible(element);
    await assertAccessible(picker(frame));

    // A reload keeps the choice.
    const reloaded = await frame.reload();
    await frame.waitForStatus('signed-in');
    await waitFor(() => part(reloaded, 'acting-account') && acting(reloaded) === THOMAS.business.label, 'the company after the reload');
    await billingShows(frame, THOMAS.business.billing);

    // Another tab acts for the same account; switching back there switches here too.
    const other = await open({ clearEvents: false });
    const otherElement = await other.waitForStatus('signed-in');
    await waitFor(() => part(otherElement, 'acting-account') && acting(otherElement) === THOMAS.business.label, 'the company in the other tab');
    await billingShows(other, THOMAS.business.billing);
    await accountButtons(otherElement);
    accountButton(otherElement, THOMAS.private.label).click();
    await waitFor(() => acting(frame.element()) === THOMAS.private.label, 'the first tab to follow');
    await billingShows(frame, THOMAS.private.billing);
    await billingShows(other, THOMAS.private.billing);

    // What the choice left on the device names nobody: no account id, e-mail or subject in its key or value.
    const kept = Object.keys(localStorage)
      .filter((key) => key.startsWith('post-login:acting-account:'))
      .map((key) => `${key}=${localStorage.getItem(key)}`);
    expect(kept).to.have.length(1);
    const sub = frame.element().profile!.sub;
    for (const personal of [THOMAS.private.id, THOMAS.business.id, THOMAS.private.email, THOMAS.business.email, sub, NEW_SWISSIDS.nora.email]) {
      expect(kept[0]).not.to.contain(personal);
    }
  });

  it('switching while an address is being edited asks first: "keep editing" keeps every letter, "discard" switches', async () => {
    const frame = await open();
    await signInWithRedirect(frame, NEW_SWISSIDS.nora);
    const element = await frame.waitForStatus('signed-in');
    await accountButtons(element);
    accountButton(element, THOMAS.business.label).click();
    await billingShows(frame, THOMAS.business.billing);
    // The company has no online-services address yet: Thomas starts one.
    const addresses = picker(frame);
    await waitFor(() => part(addresses, 'add-button'), 'the add button');
    part(addresses, 'add-button')!.click();
    const company = await waitFor(() => addresses.shadowRoot!.querySelector<HTMLInputElement>('[name="company"]'), 'the form');
    company.focus();
    await sendKeys({ type: 'Both Treuhand GmbH' });

    accountButton(element, THOMAS.private.label).click();
    const question = await waitFor(() => part(addresses, 'switch-question'), 'the question');
    expect(text(question)).to.contain(pickerDe.switchPending.replace('{account}', pickerDe.accountPrivate));
    expect(addresses.shadowRoot!.querySelector<HTMLInputElement>('[name="company"]')!.value, 'the form stays').to.equal('Both Treuhand GmbH');
    await assertAccessible(addresses);

    part(addresses, 'keep-editing-button')!.click();
    await waitFor(() => !part(addresses, 'switch-question'), 'the question to go');
    expect(addresses.shadowRoot!.querySelector<HTMLInputElement>('[name="company"]')!.value).to.equal('Both Treuhand GmbH');

    // Asked again on the next switch (here: back and forth), then "discard".
    accountButton(element, THOMAS.business.label).click();
    accountButton(element, THOMAS.private.label).click();
    await waitFor(() => part(addresses, 'switch-question'), 'the question again');
    part(addresses, 'discard-button')!.click();
    await billingShows(frame, THOMAS.private.billing);
    expect(addresses.shadowRoot!.querySelector('[name="company"]'), 'the form gone').to.equal(null);
    const stored = (await executeServerCommand('backend-addresses', { email: POST_LOGINS.thomas.email, accountId: THOMAS.business.id })) as {
      online: unknown[];
    };
    expect(stored.online, 'nothing saved for the company').to.deep.equal([]);
  });
});

describe('one SwissID, all accounts: Claudia Weber links her private and her business login to one SwissID', () => {
  let frame: AppFrame | null = null;
  const logins = [POST_LOGINS.claudia, POST_LOGINS.weber];
  const unlinkBoth = () => Promise.all(logins.map((login) => executeServerCommand('backend-unlink', { email: login.email })));
  before(unlinkBoth);
  after(unlinkBoth);
  afterEach(() => {
    frame?.remove();
    frame = null;
  });

  /** Signed in with the older login, the banner walks the linking to Claudia's SwissID. */
  async function link(login: (typeof logins)[number]): Promise<string> {
    await clearStorage();
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, login);
    await frame.waitForStatus('signed-in');
    const start = await waitFor(() => banner(frame!).shadowRoot!.querySelector<HTMLElement>('[part~="start-button"]'), 'the banner');
    start.click();
    await executeServerCommand('provider-sign-in', NEW_SWISSIDS.claudia);
    const confirm = await waitFor(() => banner(frame!).shadowRoot!.querySelector<HTMLElement>('[part~="confirm-button"]'), 'the confirmation');
    confirm.click();
    await waitFor(() => text(banner(frame!)).includes('Ihre Konten sind verknüpft'), 'done');
    const accounts = text(banner(frame).shadowRoot!.querySelector('[part~="accounts"]')!);
    frame.remove();
    frame = null;
    return accounts;
  }

  it('the second linking lists both accounts; her SwissID then acts for either', async () => {
    const first = await link(POST_LOGINS.claudia);
    expect(first).to.contain('claudia.weber@example.ch');
    expect(first).not.to.contain('Weber Design GmbH');
    const second = await link(POST_LOGINS.weber);
    expect(second, 'the private account, linked before').to.contain('claudia.weber@example.ch');
    expect(second).to.contain('Weber Design GmbH, c.weber@weber-design.ch');

    await clearStorage();
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, NEW_SWISSIDS.claudia);
    const element = await frame.waitForStatus('signed-in');
    expect(element.profile).to.include({ login: 'swissid', email: NEW_SWISSIDS.claudia.email });
    expect(await accountButtons(element)).to.deep.equal([
      `● ${de.accountPrivate} claudia.weber@example.ch`,
      `Weber Design GmbH · ${de.roleSuperadmin} c.weber@weber-design.ch`,
    ]);
    expect(banner(frame).shadowRoot!.childElementCount, 'nothing left to link').to.equal(0);
    await assertAccessible(element);
  });
});

describe('one SwissID, all accounts: "Link to SwissID" in the user menu of an older login', () => {
  let frame: AppFrame | null = null;
  // Nina's older login, not linked for this test (whatever other journeys did), as it was afterwards.
  let linkedTo: string | null = null;
  before(async () => {
    const status = (await executeServerCommand('backend-link-status', { email: POST_LOGINS.nina.email })) as { swissidSub: string | null };
    linkedTo = status.swissidSub;
    await executeServerCommand('backend-unlink', { email: POST_LOGINS.nina.email });
  });
  after(async () => {
    if (linkedTo) await executeServerCommand('backend-link', { email: POST_LOGINS.nina.email, swissidSub: linkedTo });
    else await executeServerCommand('backend-unlink', { email: POST_LOGINS.nina.email });
  });
  beforeEach(clearStorage);
  afterEach(() => frame?.remove());

  it('brings the banner back after "Later"; once linked there, the menu offers it no more', async () => {
    frame = await AppFrame.open(await fixtureConfig());
    await signInWithRedirect(frame, POST_LOGINS.nina);
    const element = await frame.waitForStatus('signed-in');
    const later = await waitFor(() => banner(frame!).shadowRoot!.querySelector<HTMLElement>('[part~="later-button"]'), 'the banner');
    later.click();
    await waitFor(() => banner(frame!).shadowRoot!.childElementCount === 0, 'the banner to go');

    part(element, 'user-button')!.click();
    const linkButton = await waitFor(() => part(element, 'link-button'), 'the menu’s link button');
    expect(text(linkButton)).to.equal(de.linkToSwissid);
    await assertAccessible(element);
    linkButton.click();
    const start = await waitFor(() => banner(frame!).shadowRoot!.querySelector<HTMLElement>('[part~="start-button"]'), 'the banner again');
    expect(eventsOfType('post-login-link-request')).to.have.length(1);
    expect(part(element, 'user-menu')!.hidden, 'the menu made way for the banner').to.equal(true);
    expect(text(element.shadowRoot!.querySelector('.user-menu [role=status]')!), 'no "link elsewhere" note').to.equal('');

    start.click();
    await executeServerCommand('provider-sign-in', NEW_SWISSIDS.felix);
    const confirm = await waitFor(() => banner(frame!).shadowRoot!.querySelector<HTMLElement>('[part~="confirm-button"]'), 'the confirmation');
    confirm.click();
    await waitFor(() => text(banner(frame!)).includes('Ihre Konten sind verknüpft'), 'done');
    // The page may have been to SwissID and back (redirect): the login element of the page now.
    await waitFor(() => frame!.element().profile?.linked === true, 'the login to know it is linked');
    await waitFor(() => part(frame!.element(), 'link-button') === null, 'no more "Link to SwissID"');
  });
});

describe('one SwissID, all accounts: the older login’s failures are worded as its own', () => {
  let frame: AppFrame | null = null;
  beforeEach(clearStorage);
  afterEach(() => frame?.remove());

  it('its provider out of reach: names the older login and the Post Contact Center, not SwissID or SwissSign', async () => {
    // Nothing listens at that address: a real connection failure.
    frame = await AppFrame.open(await fixtureConfig({ 'legacy-authority': 'http://localhost:4197/' }));
    const element = await frame.ready();
    part(element, 'legacy-sign-in-button')!.click();
    await waitFor(() => eventsOfType('post-login-error').length > 0, 'the error');
    expect(eventsOfType('post-login-error').map((event) => event.code)).to.deep.equal(['provider_unreachable']);
    const shown = await waitFor(() => text(part(element, 'message')) || null, 'the message');
    expect(shown).to.contain(errorsDe.errorUnreachableLegacy).and.to.contain(errorsDe.errorContactHintLegacy);
    expect(shown).not.to.contain('SwissSign');
    expect(shown).not.to.contain('SwissID');
    expect(element.status).to.equal('signed-out');
    await assertAccessible(element);
  });
});
