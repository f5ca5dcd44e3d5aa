/** The window's name: a second sign-in reuses the popup already open instead of opening another. */
export const POPUP_NAME = 'post-login-swissid';

/**
 * Opens the popup sign-in window. It must run synchronously inside the customer's click, before anything is
 * awaited, so that the browser's popup blocker sees the gesture; the window is pointed at the provider later.
 */
export function openPopupWindow(): Window | null {
  const width = 520;
  const height = 720;
  const left = Math.max(0, window.screenX + (window.outerWidth - width) / 2);
  const top = Math.max(0, window.screenY + (window.outerHeight - height) / 2);
  try {
    return window.open('about:blank', POPUP_NAME, `popup=yes,width=${width},height=${height},left=${left},top=${top}`);
  } catch {
    return null;
  }
}
