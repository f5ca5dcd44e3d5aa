// Demo page behaviour: the language switcher (the widgets follow <html lang>, the page's own words follow
// demo-texts.js), a log of the events the page receives, and the forwarding request form (everything shown as text).
import { applyDemoTexts, demoText } from './demo-texts.js';

const languageButtons = [...document.querySelectorAll('[data-lang]')];
const lang = () => document.documentElement.lang;
const text = (key, values) => demoText(lang(), key, values);

function showLanguage(language) {
  document.documentElement.lang = language;
  for (const button of languageButtons) button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  applyDemoTexts(document, language);
}

for (const button of languageButtons) {
  button.addEventListener('click', () => showLanguage(button.dataset.lang));
}

const log = document.getElementById('event-log');

function logEvent(event, ...details) {
  const item = document.createElement('li');
  const source = event.target.id ? `#${event.target.id}` : event.target.localName;
  const time = new Date().toLocaleTimeString(`${lang()}-CH`);
  item.textContent = [`${time} ${text('logFrom', { event: event.type, source })}`, ...details.filter(Boolean)].join(' – ');
  log.prepend(item);
}

const names = [
  ...['ready', 'sign-in', 'sign-out', 'session-expired', 'error'].map((name) => `post-login-${name}`),
  ...['shown', 'started', 'linked', 'dismissed', 'error'].map((name) => `swissid-link-banner-${name}`),
  ...['save', 'remove', 'error'].map((name) => `address-picker-${name}`),
];
for (const type of names) {
  document.addEventListener(type, (event) => {
    const profile = event.profile && `${event.profile.name} (${event.profile.accountType ?? '…'})`;
    const action = event.action && text({ load: 'logLoading', save: 'logSaving', remove: 'logRemoving' }[event.action]);
    // The developer's diagnostic too (which answer failed): this log is for the page's developers.
    const code = [event.code, action, event.diagnostic && `(${event.diagnostic})`].filter(Boolean).join(' ');
    const done = event.type === 'address-picker-remove' ? 'logRemoved' : event.created ? 'logAdded' : 'logChanged';
    const saved = event.addressId && text(done, { id: event.addressId });
    logEvent(event, profile, code, saved);
  });
}

// The forwarding request: the picker is a form field like the dates. Instead of sending, show what would be sent.
const form = document.getElementById('forwarding-form');
const result = document.getElementById('forwarding-result');
const start = document.getElementById('forwarding-start');
const end = document.getElementById('forwarding-end');

const today = new Date();
start.min = new Date(today.getTime() - today.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
start.addEventListener('change', () => {
  end.min = start.value || start.min;
});

form.addEventListener('change', (event) => {
  if (event.target.localName === 'address-picker') logEvent(event, text('logValue', { value: event.target.value }));
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const entries = [...new FormData(form)].map(([name, value]) => `${name} = ${typeof value === 'string' ? value : value.name}`);
  // What was sent stays as it is when the language changes; only the "not submitted yet" note follows it.
  delete result.dataset.text;
  result.textContent = entries.join('\n');
});

form.addEventListener('reset', () => {
  result.dataset.text = 'resultEmpty';
  result.textContent = text('resultEmpty');
  end.min = '';
});

// The page's words for its starting language (German, as written in index.html, unless <html lang> says otherwise).
showLanguage(lang());
