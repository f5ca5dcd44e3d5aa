import { autoUpdate, computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/dom';

/**
 * Keeps the panel next to its trigger (flipping and shifting at the viewport edge, never taller than the space left)
 * and closes it on Escape or on a click outside. Returns the clean-up.
 */
export function attachPopover(
  trigger: HTMLElement,
  panel: HTMLElement,
  close: (returnFocus: boolean) => void,
  placement: Placement = 'bottom-end',
): () => void {
  const stopPositioning = autoUpdate(trigger, panel, () => {
    void computePosition(trigger, panel, {
      strategy: 'fixed',
      placement,
      middleware: [
        offset(8),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => panel.style.setProperty('max-height', `${Math.max(160, availableHeight)}px`),
        }),
      ],
    }).then(({ x, y, placement }) => {
      panel.style.left = `${x}px`;
      panel.style.top = `${y}px`;
      panel.dataset.placement = placement;
    });
  });
  const onPointerDown = (event: PointerEvent) => {
    const path = event.composedPath();
    if (!path.includes(panel) && !path.includes(trigger)) close(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close(true);
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('keydown', onKeyDown, true);
  return () => {
    stopPositioning();
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('keydown', onKeyDown, true);
  };
}
