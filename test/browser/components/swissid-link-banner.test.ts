import { expect } from '@open-wc/testing';
import type { SwissIdLinkBanner, SwissIdLinkBannerView } from '../../../src/index.js';
import '../../../src/index.js';
import de from '../../../src/i18n/link-banner.de.js';
import en from '../../../src/i18n/link-banner.en.js';
import fr from '../../../src/i18n/link-banner.fr.js';
import it_ from '../../../src/i18n/link-banner.it.js';
import { assertAccessible, assertSameKeys, visibleText, waitFor } from '../support.js';

/** The banner on its own, in Chromium and Firefox: every step and error, languages, hostile text. */
const accounts: SwissIdLinkBannerView['accounts'] = [
  { id: '1', type: 'private', email: 'thomas.both@example.ch', company: null, role: null },
  { id: '2', type: 'business', email: 'thomas@both-treuhand.ch', company: 'Both Treuhand GmbH', role: 'superadmin' },
];

async function mount(preview: Partial<SwissIdLinkBannerView> | null, lang = 'de'): Promise<SwissIdLinkBanner> {
  const element = document.createElement('swissid-link-banner');
  element.setAttribute('lang', lang);
  element.preview = preview;
  document.body.append(element);
  if (preview) await waitFor(() => element.shadowRoot!.childElementCount > 0, 'render');
  return element;
}

describe('<swissid-link-banner>', () => {
  let element: SwissIdLinkBanner;
  afterEach(() => element?.remove());

  it('is accessible when it offers linking', async () => {
    element = await mount({ step: 'offer', invited: true, accounts });
    await assertAccessible(element);
  });

  it('shows no empty message or status box when there is nothing to say, but keeps them for announcements', async () => {
    element = await mount({ step: 'offer', invited: true, accounts });
    for (const name of ['message', 'status']) {
      const region = element.shadowRoot!.querySelector(`[part~="${name}"]`)!;
      // Not display:none: a live region has to be in the accessibility tree before its text arrives.
      expect(getComputedStyle(region).display, name).not.to.equal('none');
      expect(getComputedStyle(region).position, name).to.equal('absolute');
      expect(region.getBoundingClientRect().height, name).to.be.at.most(1);
    }
  });

  it('renders nothing without a signed-in older Post customer login', async () => {
    element = await mount(null);
    // With its strings there it could render; it does not.
    await waitFor(() => (element as unknown as { locale: { messages: unknown } }).locale.messages, 'the strings');
    await element.updateComplete;
    expect(element.shadowRoot!.childElementCount).to.equal(0);
  });

  it('has the same keys, all filled, in de, fr, it and en', () => assertSameKeys(en, [de, fr, it_]));

  it('says what linking does, in the invited and the no-invitation wording, in each language', async () => {
    element = await mount({ step: 'offer', invited: false, accounts }, 'fr');
    expect(visibleText(element)).to.contain('sans invitation');
    expect(visibleText(element)).to.contain('qu’il s’agisse de comptes commerciaux ou privés');
    expect(visibleText(element)).to.contain('Aucune modification ne sera apportée à vos données relatives au Login client Poste');
    expect(visibleText(element)).to.contain('séparation entre professionnel et privé');
    expect(visibleText(element)).to.contain('Contact Center');
    element.setAttribute('lang', 'it');
    element.preview = { step: 'offer', invited: true, accounts };
    await waitFor(() => visibleText(element).includes('Avete ricevuto un e-mail'), 'Italian, invited');
  });

  const steps: Array<[Partial<SwissIdLinkBannerView>, string]> = [
    [{ step: 'signing-in' }, 'Schritt 1 von 3'],
    [{ step: 'confirm', accounts, swissidEmail: 'new.swissid@example.ch' }, 'Geschäftskonto: Both Treuhand GmbH, thomas@both-treuhand.ch'],
    [{ step: 'linking', accounts, swissidEmail: 'new.swissid@example.ch' }, 'Ihre Konten werden verknüpft'],
    [{ step: 'done', swissidEmail: 'new.swissid@example.ch' }, 'Melden Sie sich ab jetzt mit SwissID an (new.swissid@example.ch)'],
    [{ step: 'error', error: 'cancelled' }, 'wurde abgebrochen'],
    [{ step: 'error', error: 'already_linked' }, 'bereits mit einer SwissID verknüpft'],
    [{ step: 'error', error: 'session_expired' }, 'Ihre Sitzung ist abgelaufen'],
    [{ step: 'error', error: 'unreachable' }, 'nicht möglich'],
    [{ step: 'error', error: 'proof_invalid' }, 'nicht sicher bestätigt'],
  ];
  for (const [preview, text] of steps) {
    it(`step ${preview.step}${preview.error ? ` (${preview.error})` : ''} says what happened and is accessible`, async () => {
      element = await mount(preview);
      expect(visibleText(element)).to.contain(text);
      await assertAccessible(element);
    });
  }

  it('takes text overrides from attributes and the texts property', async () => {
    element = await mount({ step: 'offer', invited: false, accounts });
    element.setAttribute('text-start', 'Jetzt verknüpfen');
    element.texts = { title: 'Ein Login für alles' };
    await waitFor(() => visibleText(element).includes('Jetzt verknüpfen'), 'attribute override');
    expect(element.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('Ein Login für alles');
  });

  it('renders hostile account data as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned = true">';
    element = await mount({ step: 'confirm', accounts: [{ ...accounts[1], company: hostile }], swissidEmail: hostile });
    expect(visibleText(element)).to.contain(hostile);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
