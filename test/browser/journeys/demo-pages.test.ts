import { expect } from '@open-wc/testing';
import { DEMO_LANGUAGES, DEMO_TEXTS } from '../../../demo/pages/demo-texts.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { backendUrls } from '../support.js';

/**
 * The demo pages' own side: an icon each (no request for a missing /favicon.ico), and the main page's words in the
 * language of its switcher.
 *
 * What a browser test can reach: the reference backend serves the demo and partner sites here too, but on other
 * origins that only same-origin pages may frame, so this file loads from those servers only what any page may load
 * (the icons); the pages themselves it reads as files from the test server. The language switch runs the page's own
 * markup and scripts (index.html, demo.js, demo-texts.js) in a frame, under the demo site's policy for scripts,
 * styles, images and Trusted Types, without the widgets' script (the widgets follow `<html lang>` on their own and
 * have tests of their own).
 */
const PAGES = ['/demo/pages/index.html', '/demo/pages/popup-callback.html', '/demo/pages/partner/index.html', '/demo/pages/partner/popup-callback.html'];
const DEMO_PAGE = '/demo/pages/index.html';
// The demo site's policy (demo/server/static-site.mjs) without what a <meta> policy cannot carry.
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'";

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function pageFile(path: string): Promise<Document> {
  const response = await fetch(path);
  expect(response.status, path).to.equal(200);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`${src} did not load as an image`));
    image.src = src;
  });
}

/**
 * The demo page from its file, in a frame of the test page: its paths under /demo/pages/, its policy in a <meta>, and
 * neither the widgets' script nor the test server's reload script.
 */
async function openDemoPage(): Promise<{ frame: HTMLIFrameElement; page: Document }> {
  const source = await (await fetch(DEMO_PAGE)).text();
  const markup = source
    .replace(/\s*<!-- injected by web-dev-server -->\s*<script[^>]*><\/script>/, '')
    .replace(/\s*<script type="module" src="\/cdn\/[^"]*"><\/script>/, '')
    .replace(/(href|src)="\/(?!\/)/g, '$1="/demo/pages/')
    .replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />`);
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = markup;
  document.body.append(frame);
  await loaded;
  const page = frame.contentDocument!;
  // demo.js is a module script: it has run by the load event.
  expect(page.querySelector('[data-lang="de"]')?.getAttribute('aria-pressed')).to.equal('true');
  return { frame, page };
}

/** What the customer reads of the page's own text (the widgets' words are not part of it). */
function ownTexts(page: Document) {
  const text = (selector: string) => squash(page.querySelector(selector)?.textContent);
  return {
    lang: page.documentElement.lang,
    title: page.title,
    siteName: text('.site-name'),
    heading: text('h1'),
    legend: text('legend'),
    popupTitle: text('#popup-title'),
    forwardingTitle: text('#forwarding-title'),
    labels: [...page.querySelectorAll('#forwarding-form label')].map((label) => squash(label.textContent)),
    buttons: [...page.querySelectorAll('#forwarding-form button')].map((button) => squash(button.textContent)),
    resultTitle: text('#forwarding-result-title'),
    result: text('#forwarding-result'),
    eventsTitle: text('#events-title'),
    partnerLink: text('main a'),
    pressed: [...page.querySelectorAll('[data-lang][aria-pressed="true"]')].map((button) => (button as HTMLElement).dataset.lang),
  };
}

describe('the demo pages', () => {
  it('open as a visitor opens them with no console error, no failed request and nothing missing (the icon included)', async () => {
    const found = await executeServerCommand('demo-pages-check');
    expect(found).to.deep.equal({ demo: { problems: [], notFound: [] }, partner: { problems: [], notFound: [] } });
  });

  it('each names an icon on its own origin, which the demo and partner sites serve', async () => {
    for (const path of PAGES) {
      const icons = [...(await pageFile(path)).querySelectorAll('link[rel~="icon"]')];
      // A path on the page's own origin: allowed by img-src 'self', and the browser no longer asks for /favicon.ico.
      expect(icons.map((icon) => icon.getAttribute('href')), path).to.deep.equal(['/favicon.svg']);
    }
    const urls = await backendUrls();
    for (const site of [urls.demo, urls.partner]) {
      const icon = await loadImage(`${site}/favicon.svg`);
      expect(icon.naturalWidth, site).to.be.greaterThan(0);
    }
  });

  it('the partner page is French throughout', async () => {
    const page = await pageFile('/demo/pages/partner/index.html');
    expect(page.documentElement.lang).to.equal('fr');
    expect(page.title).to.equal('Site partenaire – post-login-widgets');
    expect(squash(page.querySelector('h1')?.textContent)).to.equal('Site partenaire');
    expect(squash(page.querySelector('main > p')?.textContent)).to.equal(
      'Cette page est servie depuis une autre origine, sous une Content-Security-Policy stricte avec Trusted Types.',
    );
    expect(squash(page.querySelector('h2')?.textContent)).to.equal('Réexpédition');
  });

  it('the main page is written in German, and every text of it exists in each language with the same <code> bits', async () => {
    const page = await pageFile(DEMO_PAGE);
    expect(page.documentElement.lang).to.equal('de');
    const elements = [...page.querySelectorAll<HTMLElement>('[data-text]')];
    const keys = elements.map((element) => element.dataset.text!);
    for (const lang of DEMO_LANGUAGES) {
      expect(Object.keys(DEMO_TEXTS[lang as keyof typeof DEMO_TEXTS]), lang).to.include.members(keys);
    }
    for (const element of elements) {
      const key = element.dataset.text as keyof typeof DEMO_TEXTS.de;
      const codes = [...element.querySelectorAll('code')].map((code) => code.textContent ?? '');
      // The German in the markup is the dictionary's, with the code bits in their places.
      const german = DEMO_TEXTS.de[key].replace(/\{(\d+)\}/g, (_match: string, n: string) => codes[Number(n)]);
      expect(squash(element.textContent), key).to.equal(german);
      for (const lang of DEMO_LANGUAGES) {
        const placeholders = [...DEMO_TEXTS[lang as keyof typeof DEMO_TEXTS][key].matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1]));
        expect(placeholders.sort((a, b) => a - b), `${lang} ${key}`).to.deep.equal(codes.map((_code, n) => n));
      }
    }
  });

  it('switches its own words with the language buttons: heading, form labels, buttons and the rest', async () => {
    const { frame, page } = await openDemoPage();
    const violations: string[] = [];
    page.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    const codesBefore = [...page.querySelectorAll('main code')];
    const click = (lang: string) => page.querySelector<HTMLButtonElement>(`[data-lang="${lang}"]`)!.click();
    try {
      expect(ownTexts(page)).to.deep.equal({
        lang: 'de',
        title: 'post-login-widgets – Demo',
        siteName: 'Post – Kundencenter (Demo)',
        heading: 'Demo der post-login-widgets',
        legend: 'Sprache der Seite (<html lang>)',
        popupTitle: 'Anmeldung im Popup',
        forwardingTitle: 'Nachsendung beantragen',
        labels: ['Nachsenden ab', 'Nachsenden bis (optional)'],
        buttons: ['Nachsendung beantragen', 'Zurücksetzen'],
        resultTitle: 'Was das Formular senden würde',
        result: '(noch nicht abgeschickt)',
        eventsTitle: 'Von der Seite empfangene Events',
        partnerLink: 'Partnerseite (anderer Origin, ein Script-Tag, strikte CSP)',
        pressed: ['de'],
      });

      click('fr');
      expect(ownTexts(page)).to.deep.equal({
        lang: 'fr',
        title: 'post-login-widgets – démo',
        siteName: 'La Poste – Centre clientèle (démo)',
        heading: 'Démo des post-login-widgets',
        legend: 'Langue de la page (<html lang>)',
        popupTitle: 'Connexion dans une fenêtre pop-up',
        forwardingTitle: 'Demander une réexpédition',
        labels: ['Réexpédier à partir du', 'Réexpédier jusqu’au (facultatif)'],
        buttons: ['Demander la réexpédition', 'Réinitialiser'],
        resultTitle: 'Ce que le formulaire enverrait',
        result: '(pas encore envoyé)',
        eventsTitle: 'Événements reçus par la page',
        partnerLink: 'Page partenaire (autre origine, une seule balise script, CSP stricte)',
        pressed: ['fr'],
      });

      click('it');
      expect(ownTexts(page)).to.deep.equal({
        lang: 'it',
        title: 'post-login-widgets – demo',
        siteName: 'La Posta – Centro clienti (demo)',
        heading: 'Demo dei post-login-widgets',
        legend: 'Lingua della pagina (<html lang>)',
        popupTitle: 'Login in una finestra pop-up',
        forwardingTitle: 'Richiedere una rispedizione',
        labels: ['Rispedire a partire dal', 'Rispedire fino al (facoltativo)'],
        buttons: ['Richiedere la rispedizione', 'Reimpostare'],
        resultTitle: 'Cosa invierebbe il modulo',
        result: '(non ancora inviato)',
        eventsTitle: 'Eventi ricevuti dalla pagina',
        partnerLink: 'Pagina partner (altra origine, un solo tag script, CSP rigorosa)',
        pressed: ['it'],
      });

      click('en');
      expect(ownTexts(page)).to.deep.equal({
        lang: 'en',
        title: 'post-login-widgets – demo',
        siteName: 'Swiss Post – Customer Center (demo)',
        heading: 'post-login-widgets demo',
        legend: 'Page language (<html lang>)',
        popupTitle: 'Popup flow',
        forwardingTitle: 'Request mail forwarding',
        labels: ['Forward from', 'Forward until (optional)'],
        buttons: ['Request forwarding', 'Reset'],
        resultTitle: 'What the form would send',
        result: '(not submitted yet)',
        eventsTitle: 'Events received by the page',
        partnerLink: 'Partner page (other origin, one script tag, strict CSP)',
        pressed: ['en'],
      });
      // A paragraph with code: the words around it change, the code elements stay the very same.
      expect(squash(page.querySelector('[data-text="popupText"]')?.textContent)).to.equal(
        'The same element with flow="popup": the page stays, and the sign-in (SwissID or the Post customer login) opens in a window.',
      );
      const codesAfter = [...page.querySelectorAll('main code')];
      expect(codesAfter.length).to.equal(codesBefore.length);
      expect(codesAfter.every((code, n) => code === codesBefore[n])).to.equal(true);

      // What the form would send stays as sent; after a reset, the note is in the page's language again.
      const form = page.querySelector<HTMLFormElement>('#forwarding-form')!;
      page.querySelector<HTMLInputElement>('#forwarding-start')!.value = '2031-05-04';
      form.dispatchEvent(new Event('submit', { cancelable: true }));
      expect(squash(page.querySelector('#forwarding-result')?.textContent)).to.equal('startDate = 2031-05-04 endDate =');
      click('de');
      expect(squash(page.querySelector('#forwarding-result')?.textContent)).to.equal('startDate = 2031-05-04 endDate =');
      form.reset();
      expect(ownTexts(page).result).to.equal('(noch nicht abgeschickt)');
      click('it');
      expect(ownTexts(page).result).to.equal('(non ancora inviato)');

      // Text nodes only: nothing the page's Trusted Types policy had to refuse.
      expect(violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
