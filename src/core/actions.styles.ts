import { css } from 'lit';

/**
 * The buttons and message regions of the elements that follow the login mask (link banner, address picker): main and
 * secondary actions and the alert region (empty alert and status regions are hidden by tokens.styles.ts).
 */
export const actions = css`
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

  .primary[aria-disabled='true'],
  .secondary[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }

  .alert {
    padding: 0.75rem;
    border-left: 4px solid var(--_error);
    background: var(--_error-background);
    color: var(--_error);
  }
`;
