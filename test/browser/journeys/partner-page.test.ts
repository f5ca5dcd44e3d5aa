import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fr from '../../../src/i18n/address-picker.fr.js';
import { storedAddressesOf } from '../address-picker-support.js';
import { ACCOUNTS, clearStorage } from '../support.js';

/**
 * The partner set-up: another origin and site (127.0.0.1), the built one-script bundle (dist/cdn), a strict CSP
 * (`script-src 'self'`, `style-src 'self'`, no unsafe-inline/eval, Trusted Types required) and a real sign-in.
 */
interface PartnerJourney {
  consent: { text: string; lang: string };
  write: { status: number; challenge: string | null; body: { error?: string; scope?: string } };
  name: string;
  listbox: { text: string; positioned: boolean };
  picker: { value: string; formValue: string | null; text: string };
  loginLang: string;
  url: string;
  violations: string[];
  reports: unknown[];
  consoleErrors: string[];
}

interface FirstPaintJourney {
  painted: { text: string; readyEvents: number; chunk: { requested: boolean; delivered: boolean } };
  helpOpened: { text: string; busy: string | null; chunk: { requested: boolean; delivered: boolean } };
  chunkArrived: { text: string; busy: string | null; chunk: { requested: boolean; delivered: boolean } };
  idle: { chunkFetched: boolean; lazyChunksAfterFirstPaint: boolean; helpOpen: boolean };
}

describe('the one-script embed on a partner page under a strict CSP', () => {
  beforeEach(clearStorage);

  it('signs in after consent at SwissID, chooses an address with no CSP violation reported, and may not change it', async () => {
    const before = await storedAddressesOf(ACCOUNTS.anna.email);
    const result = (await executeServerCommand('partner-journey', ACCOUNTS.anna)) as PartnerJourney;
    // SwissID asked Anna, in the partner page's language, whether the partner may read her data.
    expect(result.consent.lang).to.equal('fr');
    expect(result.consent.text).to.contain('Partner demo site');
    expect(result.name).to.contain('Anna Muster');
    expect(result.loginLang, 'the partner page is French').to.equal('fr');
    expect(new URL(result.url).search).to.equal('');
    // The address picker, registered by the bundle when the page uses it, in the page's language.
    expect(result.picker.text).to.contain('Adresse de facturation').and.contain('Kramgasse 12');
    expect(result.listbox.text).to.contain('Länggassstrasse 7a');
    expect(result.listbox.positioned, 'the list is positioned next to the combobox').to.equal(true);
    expect(result.picker.value).to.equal('e1b2c3d4-0002-4000-8000-000000000002');
    expect(result.picker.formValue).to.equal(result.picker.value);
    // Choosing only: no "edit", and where Anna changes her addresses instead.
    expect(result.picker.text).to.contain(fr.readOnlyNote).and.not.contain(fr.edit).and.not.contain(fr.remove);
    // The partner's own script cannot change the address with the token it gets: the API refuses, nothing changed.
    expect(result.write.status).to.equal(403);
    expect(result.write.body).to.deep.include({ error: 'insufficient_scope', scope: 'addresses.write' });
    expect(result.write.challenge).to.contain('error="insufficient_scope"');
    expect(await storedAddressesOf(ACCOUNTS.anna.email)).to.deep.equal(before);
    expect(result.violations).to.deep.equal([]);
    expect(result.reports).to.deep.equal([]);
    expect(result.consoleErrors).to.deep.equal([]);
  });

  it('a customer who denies the partner at SwissID is told the sign-in was cancelled, and nobody is signed in', async () => {
    const result = (await executeServerCommand('partner-journey', { ...ACCOUNTS.anna, consent: 'deny' })) as {
      consent: { text: string };
      message: string;
      url: string;
    };
    expect(result.consent.text).to.contain('Partner demo site');
    expect(result.message).to.contain('La connexion a été annulée');
    expect(new URL(result.url).search, 'nothing of the answer left in the address').to.equal('');
  });

  it('paints the mask without its language chunk, and loads the chunk when needed or when the browser is idle', async () => {
    const { painted, helpOpened, chunkArrived, idle } = (await executeServerCommand('partner-first-paint')) as FirstPaintJourney;
    // The mask painted in French from the one script alone; with no idle moment, nothing asked for the chunk.
    expect(painted.text).to.contain('Login client').and.contain('Se connecter avec SwissID');
    expect(painted.text).to.contain('Login client Poste').and.contain('pas encore rattaché à SwissID');
    expect(painted.chunk).to.deep.equal({ requested: false, delivered: false });
    expect(painted.readyEvents, 'ready waits for every string').to.equal(0);
    // Opening the help asks for the chunk at once; the popover says its text is on its way.
    expect(helpOpened.chunk).to.deep.equal({ requested: true, delivered: false });
    expect(helpOpened.text).to.contain('Aide pour la connexion').and.contain('Chargement de l’aide…');
    expect(helpOpened.text).not.to.contain('Pourquoi SwissID');
    expect(helpOpened.busy).to.equal('true');
    // The chunk arrives: the help text replaces the note, and the element is ready.
    expect(chunkArrived.chunk.delivered).to.equal(true);
    expect(chunkArrived.text).to.contain('Pourquoi SwissID').and.contain('0848 99 88 00');
    expect(chunkArrived.text).not.to.contain('Chargement de l’aide');
    expect(chunkArrived.busy).to.equal('false');
    // Without a hold and with idle moments, the chunk loads by itself, no click needed, after the mask has been shown
    // (and the session code after it).
    expect(idle).to.deep.equal({ chunkFetched: true, lazyChunksAfterFirstPaint: true, helpOpen: false });
  });
});
