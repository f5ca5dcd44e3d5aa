// Demo page behaviour: the language switcher and a log of the events the page receives (shown as text).
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
  });
}

const log = document.getElementById('event-log');
const names = [
  ...['ready', 'sign-in', 'sign-out', 'session-expired', 'error'].map((name) => `post-login-${name}`),
  ...['shown', 'started', 'linked', 'dismissed', 'error'].map((name) => `swissid-link-banner-${name}`),
];
for (const type of names) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const detail = event.profile ? ` – ${event.profile.name} (${event.profile.accountType ?? '…'})` : '';
    const code = event.code ? ` – ${event.code}` : '';
    const source = event.target.id ? `#${event.target.id}` : event.target.localName;
    item.textContent = `${new Date().toLocaleTimeString()} ${event.type} from ${source}${detail}${code}`;
    log.prepend(item);
  });
}
