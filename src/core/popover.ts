import type { Placement } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A disclosure popover: open state, toggling and focus return. Positioning (@floating-ui/dom) and the light-dismiss
 * listeners live in popover-position.ts, loaded on first open so that they stay off the first paint.
 */
export interface PopoverParts {
  trigger: () => HTMLElement | null | undefined;
  panel: () => HTMLElement | null | undefined;
  /** Where the panel goes (default `bottom-end`). */
  placement?: Placement;
  /** Whether focus moves into the panel on open (default); a combobox keeps it on its trigger. */
  focusPanel?: boolean;
}

export class PopoverController implements ReactiveController {
  open = false;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly parts: PopoverParts;
  private detach: (() => void) | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, parts: PopoverParts) {
    this.host = host;
    this.parts = parts;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.hide(false);
  }

  toggle(): void {
    if (this.open) this.hide(true);
    else void this.show();
  }

  async show(): Promise<void> {
    if (this.open) return;
    this.open = true;
    this.host.requestUpdate();
    const [{ attachPopover }] = await Promise.all([import('./popover-position.js'), this.host.updateComplete]);
    const trigger = this.parts.trigger();
    const panel = this.parts.panel();
    if (!this.open || !trigger || !panel) return;
    this.detach = attachPopover(trigger, panel, (returnFocus) => this.hide(returnFocus), this.parts.placement);
    if (this.parts.focusPanel !== false) panel.focus();
  }

  /** Closes; `returnFocus` puts focus back on the trigger (Escape, close button), not after a click elsewhere. */
  hide(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.detach?.();
    this.detach = null;
    this.host.requestUpdate();
    if (returnFocus) this.parts.trigger()?.focus();
  }
}
