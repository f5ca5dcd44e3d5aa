import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PopoverController } from '../core/popover.js';

/**
 * A select-only combobox (WAI-ARIA APG): focus stays on the trigger, `active` is the option marked with
 * `aria-activedescendant`. Arrows, Home/End, Enter/Space and type-ahead work on it; Escape and a click elsewhere close
 * the list. Opening, closing and positioning are the popover's (core/popover.ts), with focus left on the trigger.
 */
export interface ComboboxParts {
  trigger: () => HTMLElement | null;
  panel: () => HTMLElement | null;
  /** The options' labels, for type-ahead. */
  options: () => string[];
  /** The index of the chosen option, or -1. */
  selected: () => number;
  choose: (index: number) => void;
}

/** Keys typed within this time build one type-ahead search ("ke" finds "Keller…"). */
const TYPE_AHEAD_MS = 700;

export class ComboboxController implements ReactiveController {
  active = -1;
  /** The customer chose an option: the element says which in its status region. */
  announced = false;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly parts: ComboboxParts;
  private readonly popover: PopoverController;
  private typed = '';
  private typedAt = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, parts: ComboboxParts) {
    this.host = host;
    this.parts = parts;
    this.popover = new PopoverController(host, { trigger: parts.trigger, panel: parts.panel, placement: 'bottom-start', focusPanel: false });
    host.addController(this);
  }

  get open(): boolean {
    return this.popover.open;
  }

  hostUpdated(): void {
    this.parts.panel()?.querySelector('.active')?.scrollIntoView({ block: 'nearest' });
  }

  toggle(): void {
    if (this.open) this.close(true);
    else void this.show(this.parts.selected());
  }

  /** Opens the list (if closed) with the option at `index` active. */
  async show(index: number): Promise<void> {
    this.active = Math.min(Math.max(index, 0), this.parts.options().length - 1);
    this.host.requestUpdate();
    await this.popover.show();
  }

  close(returnFocus: boolean): void {
    this.popover.hide(returnFocus);
  }

  pick(index: number): void {
    this.parts.choose(index);
    this.announced = true;
    this.close(true);
  }

  onKeyDown(event: KeyboardEvent): void {
    const last = this.parts.options().length - 1;
    const current = this.open ? this.active : this.parts.selected();
    const typing = Date.now() - this.typedAt < TYPE_AHEAD_MS && this.typed !== '';
    const commit = () => (this.open ? this.pick(this.active) : this.show(current));
    const keys: Record<string, () => unknown> = {
      ArrowDown: () => this.show(this.open && !event.altKey ? current + 1 : Math.max(current, 0)),
      ArrowUp: () => this.show(this.open ? current - 1 : Math.max(current, 0)),
      Home: () => this.show(0),
      End: () => this.show(last),
      Enter: commit,
      ' ': () => (typing ? this.typeAhead(' ') : commit()),
    };
    if (this.open) keys.Escape = () => this.close(true); // also before the positioning code (and its listener) arrives
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    } else if (event.key === 'Tab') {
      this.close(false);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.typeAhead(event.key);
    }
  }

  /** Moves to the next option that starts with what was typed; one letter typed again goes on to the next match. */
  private typeAhead(key: string): void {
    const now = Date.now();
    this.typed = now - this.typedAt < TYPE_AHEAD_MS ? this.typed + key.toLowerCase() : key.toLowerCase();
    this.typedAt = now;
    const labels = this.parts.options().map((label) => label.toLowerCase());
    // "aa" with no option starting so is the letter a typed again: on to the next option with it.
    const repeated = [...this.typed].every((letter) => letter === this.typed[0]);
    const search = repeated && !labels.some((label) => label.startsWith(this.typed)) ? this.typed[0] : this.typed;
    const from = this.open ? this.active : this.parts.selected();
    // Nothing current: the search starts at the first option (not after it).
    const start = from < 0 ? 0 : from + (search.length === 1 ? 1 : 0);
    for (let i = 0; i < labels.length; i++) {
      const index = (start + i) % labels.length;
      if (labels[index].startsWith(search)) {
        void this.show(index);
        return;
      }
    }
  }
}
