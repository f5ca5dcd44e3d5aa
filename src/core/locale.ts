import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Messages } from '../i18n/en.js';

export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof Messages;

/** Post's main language; used when no supported `lang` is found. */
export const DEFAULT_LANGUAGE: Language = 'de';

// A fixed map (not a template-literal import) so that bundlers and the test server see every chunk.
const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  de: () => import('../i18n/de.js'),
  fr: () => import('../i18n/fr.js'),
  it: () => import('../i18n/it.js'),
  en: () => import('../i18n/en.js'),
};
const loaded = new Map<Language, Messages>();

export function loadMessages(language: Language): Promise<Messages> {
  const cached = loaded.get(language);
  if (cached) return Promise.resolve(cached);
  return loaders[language]().then((module) => {
    loaded.set(language, module.default);
    return module.default;
  });
}

export function toLanguage(value: string | null | undefined): Language | null {
  const primary = (value ?? '').trim().toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

/** The element's own `lang`, else the nearest ancestor's (across shadow roots), else `<html lang>`. */
export function resolveLanguage(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const language = toLanguage(node.getAttribute('lang'));
      if (language) return language;
      if (node.getAttribute('lang') !== '') return DEFAULT_LANGUAGE;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLanguage(document.documentElement.lang) ?? DEFAULT_LANGUAGE;
}

export function format(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

// One observer for the whole page: a `lang` change anywhere re-resolves every element's language.
const controllers = new Set<LocaleController>();
let documentObserver: MutationObserver | null = null;

function watchDocument(): void {
  if (documentObserver) return;
  documentObserver = new MutationObserver(() => controllers.forEach((controller) => controller.refresh()));
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

type LocalizedHost = ReactiveControllerHost & HTMLElement & { texts?: Partial<Messages> };

/**
 * Resolves the element's language, loads its dictionary and answers `t(key)`, honouring overrides from the `texts`
 * property and from `text-*` attributes (`text-sign-in-swissid` overrides `signInSwissid`).
 */
export class LocaleController implements ReactiveController {
  language: Language = DEFAULT_LANGUAGE;
  messages: Messages | null = null;
  private readonly host: LocalizedHost;
  private readonly ownAttributes: MutationObserver;

  constructor(host: LocalizedHost) {
    this.host = host;
    host.addController(this);
    this.ownAttributes = new MutationObserver((records) => {
      if (records.some((record) => record.attributeName?.startsWith('text-'))) host.requestUpdate();
    });
  }

  hostConnected(): void {
    controllers.add(this);
    watchDocument();
    this.ownAttributes.observe(this.host, { attributes: true });
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
    this.ownAttributes.disconnect();
  }

  /** Re-resolves the language; resolves once its dictionary is there. */
  async refresh(): Promise<void> {
    const language = resolveLanguage(this.host);
    if (language === this.language && this.messages) return;
    const messages = await loadMessages(language);
    if (resolveLanguage(this.host) !== language) return; // a newer change won
    this.language = language;
    this.messages = messages;
    this.host.requestUpdate();
  }

  t(key: MessageKey, values?: Record<string, string>): string {
    const override = this.host.texts?.[key] ?? this.host.getAttribute(`text-${kebab(key)}`);
    return format(override ?? this.messages?.[key] ?? '', values);
  }
}
