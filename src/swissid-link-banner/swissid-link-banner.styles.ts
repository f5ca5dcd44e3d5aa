import { css } from 'lit';
import { tokens } from '../core/tokens.styles.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      line-height: 1.5;
    }

    .banner {
      display: grid;
      gap: 0.75rem;
      padding: var(--_space);
      border-left: 6px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    h2,
    h3,
    p,
    ul {
      margin: 0;
    }

    h2 {
      font-size: 1.125em;
    }

    h3 {
      font-size: 1em;
    }

    ul {
      padding-left: 1.25rem;
    }

    .step {
      color: var(--_muted);
      font-size: 0.875em;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }

    .primary,
    .secondary {
      min-height: 2.75rem;
      padding: 0.5rem 1.25rem;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      font-weight: 700;
    }

    .primary {
      background: var(--_primary);
      color: var(--_on-primary);
    }

    .secondary {
      border-color: var(--_text);
      background: var(--_background);
      color: var(--_text);
    }

    .primary[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }

    .alert:empty,
    .status:empty {
      display: none;
    }

    .alert {
      padding: 0.75rem;
      border-left: 4px solid var(--_error);
      background: var(--_error-background);
      color: var(--_error);
    }

    .contact {
      font-size: 0.875em;
    }
  `,
];
