// Kreda's service worker, for Web Push only (no caching): served at /sw.js so that its scope is the whole app.
// A push carries JSON {title, body, url, tag, entry_id} (src/modules/notify/notifier.cpp); a click on the
// notification brings an open tab of the app to its page, or opens one.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Only the app's own pages are opened from a notification. */
function appUrl(url) {
  try {
    const target = new URL(url || '/timeline', self.location.origin);
    return target.origin === self.location.origin ? target.href : new URL('/timeline', self.location.origin).href;
  } catch {
    return new URL('/timeline', self.location.origin).href;
  }
}

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : '' };
  }
  const tag = typeof message.tag === 'string' ? message.tag : undefined;
  event.waitUntil(
    self.registration.showNotification(message.title || 'Kreda', {
      body: message.body || '',
      tag,
      // A newer push with the same tag replaces the old one on the screen; say it again rather than silently.
      renotify: Boolean(tag),
      icon: '/favicon.svg',
      data: { url: appUrl(message.url), entry_id: message.entry_id ?? null },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = appUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const tab = tabs.find((c) => new URL(c.url).origin === self.location.origin);
      if (tab) {
        const focused = await tab.focus().catch(() => tab);
        // navigate() works only in a tab this worker controls (every tab, once `activate` claimed them); else a
        // new window shows the page.
        if (focused.url !== url) await focused.navigate(url).catch(() => self.clients.openWindow(url));
        return;
      }
      await self.clients.openWindow(url);
    })(),
  );
});
