// HTML of the providers' own pages (SwissID stand-in and older Post customer login; the texts are
// the only difference). Every dynamic value goes through escapeHtml; no inline script or style, so
// the pages run under the strict policy in PAGE_CSP.
import { escapeHtml } from './http-util.mjs';
import { STRINGS } from './provider-strings.mjs';

// No form-action: the sign-in POST redirects on to the client's redirect_uri, which form-action would block.
export const PAGE_CSP = "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors *";

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
  const intro = clientName ? t.loginIntroClient.replace('{client}', clientName) : t.loginIntro;
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
 * RP-initiated logout confirmation: /assets/logout.js submits the provider's form at once; the
 * button stays for browsers without script.
 * @param {import('./provider-strings.mjs').Language} lang
 * @param {string} providerForm the provider's own form (carries the xsrf value)
 * @param {PageTexts} [texts]
 */
export function renderLogoutPage(lang, providerForm, texts = STRINGS) {
  const t = texts[lang];
  // logout=yes ends the provider's session itself too, not only the client's part of it.
  const form = providerForm.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  const body = `<h1>${escapeHtml(t.logoutTitle)}</h1>
<p>${escapeHtml(t.logoutText)}</p>
${form}
<button type="submit" form="op.logoutForm" class="primary">${escapeHtml(t.logoutButton)}</button>`;
  return layout(lang, texts, t.logoutTitle, body, { scripts: ['/assets/logout.js'] });
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
