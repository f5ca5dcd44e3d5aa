import { css } from 'lit';

/**
 * Swiss Post design values as `--post-*` custom properties with the design system's defaults. The widgets inherit the
 * host's font (Post serves Frutiger itself); they never load fonts.
 */
export const tokens = css`
  :host {
    --_text: var(--post-color-text, hsl(0 0% 20%));
    --_muted: var(--post-color-text-muted, hsl(0 0% 35%));
    --_background: var(--post-color-background, #fff);
    --_surface: var(--post-color-surface, #f4f3f1);
    --_border: var(--post-color-border, hsl(0 0% 60%));
    --_primary: var(--post-color-primary, #fc0);
    --_on-primary: var(--post-color-on-primary, hsl(0 0% 20%));
    --_accent: var(--post-color-accent, #004976);
    --_focus: var(--post-color-focus, #004976);
    --_error: var(--post-color-error, #a51728);
    --_error-background: var(--post-color-error-background, #ffdade);
    --_radius: var(--post-radius, 4px);
    --_space: var(--post-space, 1rem);
    --_shadow: var(--post-shadow, 0 4px 16px rgb(0 0 0 / 0.18));
    font-family: var(--post-font-family, inherit);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  button {
    font: inherit;
    cursor: pointer;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Empty alert and status regions take no room but stay in the accessibility tree, so that what appears in them is
     announced. */
  .alert:empty,
  .status:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
