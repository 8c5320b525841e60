/**
 * Registers the service worker (built by vite-plugin-pwa, vite.config.ts) once the page has loaded, so
 * it never competes with the first paint. It updates itself: a new build takes over on the next load.
 */
export function registerServiceWorker(): void {
  // The dev server has no /sw.js; registering there fails quietly.
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    void import('workbox-window').then(({ Workbox }) => new Workbox('/sw.js', { scope: '/' }).register()).catch(() => undefined);
  });
}
