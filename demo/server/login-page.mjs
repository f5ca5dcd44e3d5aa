// HTML of the providers' own pages: sign-in, consent, logout, errors (SwissID stand-in and older Post
// customer login; the texts are the only difference). Every dynamic value goes through escapeHtml; no
// inline script or style, so the pages run under the strict policy of providerPageCsp(), and no page
// may be framed.
import { escapeHtml } from './http-util.mjs';
import { STRINGS } from './provider-strings.mjs';

/**
 * The policy of the providers' own pages. No form-action: the sign-in POST redirects on to the client's
 * redirect_uri, which form-action would block. No page may be framed (a framed login or consent page invites
 * clickjacking), unless `frameAncestors` names origins that may: only test backends do (see index.mjs).
 * @param {readonly string[]} [frameAncestors] exact origins allowed to frame the pages; none by default
 */
export function providerPageCsp(frameAncestors = []) {
  return `default-src 'self'; style-src 'self'; script-src 'self'; ${frameAncestorsDirective(frameAncestors)}`;
}

/** The CSP directive on framing alone: `frame-ancestors 'none'`, or the origins that may frame a page. */
export function frameAncestorsDirective(frameAncestors = []) {
  return `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`;
}

/**
 * The framing headers of every HTML answer of a provider: the page policy and, when no origin may frame the
 * pages, X-Frame-Options for browsers without frame-ancestors (DENY has no form that names an origin).
 * @param {readonly string[]} [frameAncestors]
 * @returns {Record<string, string>}
 */
export function providerPageHeaders(frameAncestors = []) {
  for (const origin of frameAncestors) {
    if (!/^https?:\/\/[\w.-]+(:\d{1,5})?$/.test(origin)) throw new TypeError(`frameAncestors: not an origin: ${origin}`);
  }
  return {
    'Content-Security-Policy': providerPageCsp(frameAncestors),
    ...(frameAncestors.length ? {} : { 'X-Frame-Options': 'DENY' }),
  };
}

/** @typedef {Record<import('./provider-strings.mjs').Language, typeof STRINGS.de & { loginNote?: string }>} PageTexts */

/**
 * @param {import('./provider-strings.mjs').Language} lang
 * @param {PageTexts} texts
 */
function layout(lang, texts, title, body, { scripts = [] } = {}) {
  const t = texts[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(t.brand)}</title>
<link rel="stylesheet" href="/assets/login.css">
${scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n')}
</head>
<body>
<header class="brand"><span class="brand-name">${escapeHtml(t.brand)}</span></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * The sign-in form. With `failed`, the e-mail stays in its field and the message is announced
 * and tied to both fields.
 * @param {{ lang: import('./provider-strings.mjs').Language, uid: string, clientName?: string, email?: string, failed?: boolean, texts?: PageTexts }} input
 */
export function renderLoginPage({ lang, uid, clientName, email = '', failed = false, texts = STRINGS }) {
  const t = texts[lang];
  const base = `/interaction/${encodeURIComponent(uid)}`;
  const intro = clientName ? withClient(t.loginIntroClient, clientName) : t.loginIntro;
  const describedBy = failed ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  const body = `<h1>${escapeHtml(t.loginTitle)}</h1>
<p>${escapeHtml(intro)}</p>
${t.loginNote ? `<p class="note">${escapeHtml(t.loginNote)}</p>\n` : ''}${failed ? `<p id="login-error" class="alert" role="alert">${escapeHtml(t.wrongCredentials)}</p>` : ''}
<form method="post" action="${base}/login" class="login">
<label for="email">${escapeHtml(t.email)}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${describedBy}${failed ? '' : ' autofocus'}>
<label for="password">${escapeHtml(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}${failed ? ' autofocus' : ''}>
<button type="submit" class="primary">${escapeHtml(t.submit)}</button>
</form>
<form method="post" action="${base}/abort" class="abort">
<button id="cancel" type="submit" class="secondary">${escapeHtml(t.cancel)}</button>
</form>`;
  return layout(lang, texts, t.loginTitle, body);
}

/**
 * @typedef {'consentProfileEmail'|'consentProfile'|'consentEmail'|'consentIdentity'|'consentAccount'|'consentAddresses'} ConsentItem
 *   a line of the consent page's list: what the client will read, in plain words
 */

/**
 * The consent page, for third-party clients after sign-in: who asks (the client's name), what it will read, and two
 * buttons, each in its own form: "Allow" (id `allow`, to `/interaction/{uid}/consent`) and "Deny" (id `deny`, to
 * `/interaction/{uid}/abort`, which answers access_denied).
 * @param {{ lang: import('./provider-strings.mjs').Language, uid: string, clientName: string, items: ConsentItem[], texts?: PageTexts }} input
 */
export function renderConsentPage({ lang, uid, clientName, items, texts = STRINGS }) {
  const t = texts[lang];
  const base = `/interaction/${encodeURIComponent(uid)}`;
  const body = `<h1>${escapeHtml(t.consentTitle)}</h1>
<p id="consent-intro">${escapeHtml(withClient(t.consentIntro, clientName))}</p>
<ul class="consent" aria-labelledby="consent-intro">
${items.map((item) => `<li>${escapeHtml(t[item])}</li>`).join('\n')}
</ul>
<p class="note">${escapeHtml(withClient(t.consentNote, clientName))}</p>
<form method="post" action="${base}/consent" class="allow">
<button id="allow" type="submit" class="primary">${escapeHtml(t.allow)}</button>
</form>
<form method="post" action="${base}/abort" class="abort">
<button id="deny" type="submit" class="secondary">${escapeHtml(t.deny)}</button>
</form>`;
  return layout(lang, texts, t.consentTitle, body);
}

/** A text with the client's name in place of `{client}` (a function, so that `$&` in a name stays as it is). */
function withClient(text, clientName) {
  return text.replace('{client}', () => clientName);
}

/** The provider's own logout form (it carries the xsrf value), with logout=yes: the provider's whole session ends. */
const withLogoutYes = (providerForm) => providerForm.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');

/**
 * RP-initiated logout that the request proved (a valid `id_token_hint` of the current session): /assets/logout.js
 * submits the provider's form at once; the button stays for browsers without script.
 * @param {import('./provider-strings.mjs').Language} lang
 * @param {string} providerForm the provider's own form (carries the xsrf value)
 * @param {PageTexts} [texts]
 */
export function renderLogoutPage(lang, providerForm, texts = STRINGS) {
  const t = texts[lang];
  const body = `<h1>${escapeHtml(t.logoutTitle)}</h1>
<p>${escapeHtml(t.logoutText)}</p>
${withLogoutYes(providerForm)}
<button type="submit" form="op.logoutForm" class="primary">${escapeHtml(t.logoutButton)}</button>`;
  return layout(lang, texts, t.logoutTitle, body, { scripts: ['/assets/logout.js'] });
}

/**
 * RP-initiated logout that nothing proves came from the customer's own site (no valid `id_token_hint` of the
 * current session): the customer decides, and no script submits anything (logout CSRF). "Sign out" (id
 * `logout-confirm`) submits the provider's form; "Stay signed in" (id `logout-cancel`) leaves the session as it is
 * and goes to `cancel`: the client's post-logout address, or the provider's "still signed in" page.
 * @param {{ lang: import('./provider-strings.mjs').Language, providerForm: string, cancel: { action: string, fields: [string, string][] }, texts?: PageTexts }} input
 */
export function renderLogoutConfirmPage({ lang, providerForm, cancel, texts = STRINGS }) {
  const t = texts[lang];
  const fields = cancel.fields.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
  const body = `<h1>${escapeHtml(t.logoutConfirmTitle)}</h1>
<p>${escapeHtml(t.logoutConfirmText)}</p>
${withLogoutYes(providerForm)}
<button id="logout-confirm" type="submit" form="op.logoutForm" class="primary">${escapeHtml(t.logoutButton)}</button>
<form method="get" action="${escapeHtml(cancel.action)}" class="abort">${fields}
<button id="logout-cancel" type="submit" class="secondary">${escapeHtml(t.logoutStay)}</button>
</form>`;
  return layout(lang, texts, t.logoutConfirmTitle, body);
}

/**
 * After "Stay signed in" on the logout confirmation, for a request without a post-logout address.
 * @param {import('./provider-strings.mjs').Language} lang
 * @param {PageTexts} [texts]
 */
export function renderStayedPage(lang, texts = STRINGS) {
  const t = texts[lang];
  return layout(lang, texts, t.stayedTitle, `<h1>${escapeHtml(t.stayedTitle)}</h1>
<p>${escapeHtml(t.stayedText)}</p>`);
}

/**
 * @param {import('./provider-strings.mjs').Language} lang
 * @param {PageTexts} [texts]
 */
export function renderLoggedOutPage(lang, texts = STRINGS) {
  const t = texts[lang];
  return layout(lang, texts, t.loggedOutTitle, `<h1>${escapeHtml(t.loggedOutTitle)}</h1>
<p>${escapeHtml(t.loggedOutText)}</p>`);
}

/**
 * @param {import('./provider-strings.mjs').Language} lang
 * @param {string} [code] OAuth error code, shown as text for support
 * @param {PageTexts} [texts]
 */
export function renderErrorPage(lang, code, texts = STRINGS) {
  const t = texts[lang];
  return layout(lang, texts, t.errorTitle, `<h1>${escapeHtml(t.errorTitle)}</h1>
<p>${escapeHtml(t.errorText)}</p>
${code ? `<p class="code">${escapeHtml(t.errorCode)}: <code>${escapeHtml(code)}</code></p>` : ''}`);
}
