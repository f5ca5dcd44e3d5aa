// Demo page behaviour: the language switcher and a log of the events the page receives (shown as text).
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    document.documentElement.lang = button.dataset.lang;
  });
}

const log = document.getElementById('event-log');
const names = ['ready', 'sign-in', 'sign-out', 'session-expired', 'error'];
for (const name of names) {
  document.addEventListener(`post-login-${name}`, (event) => {
    const item = document.createElement('li');
    const detail = event.profile ? ` – ${event.profile.name} (${event.profile.accountType ?? '…'})` : '';
    const code = event.code ? ` – ${event.code}` : '';
    item.textContent = `${new Date().toLocaleTimeString()} ${event.type} from #${event.target.id}${detail}${code}`;
    log.prepend(item);
  });
}
