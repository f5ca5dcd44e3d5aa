import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { afterFirstPaint } from './when-idle.js';

export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Post's main language; used when no supported `lang` is found. */
export const DEFAULT_LANGUAGE: Language = 'de';

/** A dictionary per language, each loaded on demand. Keep the imports literal so bundlers see every chunk. */
export type Dictionaries<M> = Record<Language, () => Promise<{ default: M }>>;

const loading = new WeakMap<Dictionaries<object>, Map<Language, Promise<object>>>();

/** The dictionary of a language; each chunk is imported once, also when asked for again while it is on its way. */
export function loadMessages<M extends object>(dictionaries: Dictionaries<M>, language: Language): Promise<M> {
  let cache = loading.get(dictionaries);
  if (!cache) loading.set(dictionaries, (cache = new Map()));
  let messages = cache.get(language) as Promise<M> | undefined;
  if (!messages) {
    messages = dictionaries[language]().then((module) => module.default);
    messages.catch(() => cache.delete(language)); // a failed import may be tried again
    cache.set(language, messages);
  }
  return messages;
}

export function toLanguage(value: string | null | undefined): Language | null {
  const primary = (value ?? '').trim().toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

/** The element's own `lang`, else the nearest ancestor's (across shadow roots), else `<html lang>`. */
export function resolveLanguage(element: Element): Language {
  // On the server (lit SSR) there is no tree to climb: the element's own `lang` decides.
  if (isServer) return toLanguage(element.getAttribute('lang')) ?? DEFAULT_LANGUAGE;
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
const controllers = new Set<{ load(): void }>();
let documentObserver: MutationObserver | null = null;

function watchDocument(): void {
  if (documentObserver) return;
  documentObserver = new MutationObserver(() => controllers.forEach((controller) => controller.load()));
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

type LocalizedHost<M> = ReactiveControllerHost & HTMLElement & { texts?: Partial<M> };

/**
 * Resolves the element's language, loads its dictionary and answers `t(key)`, honouring overrides from the `texts`
 * property and from `text-*` attributes (`text-sign-in-swissid` overrides `signInSwissid`).
 *
 * `firstPaint` holds words that ship with the element in every language (F: their keys); the dictionaries hold the
 * rest. Until the dictionary is there, `t()` answers those words and an empty string for the others. With
 * `firstPaint`, the dictionary loads once the browser is idle after the first paint, unless the host calls `load()`
 * sooner because it shows more than those words.
 */
export class LocaleController<M extends Record<string, string>, F extends keyof M = never> implements ReactiveController {
  language: Language = DEFAULT_LANGUAGE;
  /** Every string of the current language, once its dictionary has loaded. */
  messages: M | null = null;
  private readonly host: LocalizedHost<M>;
  private readonly dictionaries: Dictionaries<Omit<M, F>>;
  private readonly firstPaint: Record<Language, Pick<M, F>> | undefined;
  /** Watches the host's `text-*` attributes; made on connection, since the server has no MutationObserver. */
  private ownAttributes: MutationObserver | null = null;
  /** `onDemand`: the dictionary loads only once the host asks for it (demand()), and then follows language changes. */
  private demanded: boolean;

  constructor(
    host: LocalizedHost<M>,
    dictionaries: Dictionaries<Omit<M, F>>,
    firstPaint?: Record<Language, Pick<M, F>>,
    { onDemand = false } = {},
  ) {
    this.host = host;
    this.dictionaries = dictionaries;
    this.firstPaint = firstPaint;
    this.demanded = !onDemand;
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    watchDocument();
    this.ownAttributes ??= new MutationObserver((records) => {
      if (records.some((record) => record.attributeName?.startsWith('text-'))) this.host.requestUpdate();
    });
    this.ownAttributes.observe(this.host, { attributes: true });
    if (this.firstPaint && !this.messages) {
      this.showFirstPaintWordsIn(resolveLanguage(this.host));
      afterFirstPaint(() => this.load());
    } else {
      this.load();
    }
  }

  /** For an on-demand dictionary: it is needed now (and from now on, in whatever language the element has). */
  demand(): void {
    if (this.demanded) return;
    this.demanded = true;
    this.load();
  }

  hostDisconnected(): void {
    controllers.delete(this);
    this.ownAttributes?.disconnect();
  }

  /**
   * Loads the current language's dictionary now. A chunk that fails to load (network, CDN) leaves the words shown so
   * far; the next call tries again.
   */
  load(): void {
    this.refresh().catch(() => undefined);
  }

  /** Re-resolves the language; resolves once its dictionary is there, rejects when its chunk failed to load. */
  async refresh(): Promise<void> {
    if (!this.demanded) return;
    const language = resolveLanguage(this.host);
    if (language === this.language && this.messages) return;
    if (this.firstPaint && !this.messages) this.showFirstPaintWordsIn(language);
    const messages = await loadMessages(this.dictionaries, language);
    if (resolveLanguage(this.host) !== language) return; // a newer change won
    this.language = language;
    this.messages = { ...this.firstPaint?.[language], ...messages } as unknown as M;
    this.host.requestUpdate();
  }

  /** Before the dictionary is there, the first-paint words follow the element's language at once. */
  private showFirstPaintWordsIn(language: Language): void {
    if (language === this.language) return;
    this.language = language;
    this.host.requestUpdate();
  }

  t(key: keyof M & string, values?: Record<string, string>): string {
    const override = this.host.texts?.[key] ?? this.host.getAttribute(`text-${kebab(key)}`);
    // A server render (lit SSR) never connects: it paints the first-paint words of the element's own language.
    const language = isServer ? resolveLanguage(this.host) : this.language;
    const text = this.messages ? this.messages[key] : (this.firstPaint?.[language] as Partial<M> | undefined)?.[key];
    return format(override ?? text ?? '', values);
  }
}
