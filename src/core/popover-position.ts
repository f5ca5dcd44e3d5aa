import { computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/dom';

/**
 * Keeps the panel next to its trigger (flipping and shifting at the viewport edge, never taller than the space left)
 * and closes it on Escape or on a click outside. Returns the clean-up.
 *
 * It positions again when the window is resized or anything scrolls, and when the trigger or the panel changes size
 * (say, the help text arrives while the panel is open). floating-ui's autoUpdate would also follow layout shifts of
 * the page under an open panel, at 0.7 KiB on the signed-in path, which its budget does not have; a panel stays open
 * only until the next click, so these cases are enough.
 */
export function attachPopover(
  trigger: HTMLElement,
  panel: HTMLElement,
  close: (returnFocus: boolean) => void,
  placement: Placement = 'bottom-end',
): () => void {
  const update = () => {
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
  };
  // In the next frame: positioning changes the panel's height, which must not feed back into the same observation.
  let frame = 0;
  const resized = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(update);
  });
  resized.observe(trigger);
  resized.observe(panel);
  window.addEventListener('resize', update);
  window.addEventListener('scroll', update, { capture: true, passive: true });
  update();
  const stopPositioning = () => {
    cancelAnimationFrame(frame);
    resized.disconnect();
    window.removeEventListener('resize', update);
    window.removeEventListener('scroll', update, { capture: true });
  };
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
