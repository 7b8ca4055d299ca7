import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium package; tests drive it through playwright-core (no bundled browser). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launches headless system Chromium with background networking (updates, sync, QUIC) disabled. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Records the URL of every request `page` makes to an origin other than `allowedOrigin`
 * (e.g. `http://127.0.0.1:4000`), WebSocket connections included, ignoring `data:` and `blob:`
 * URLs. Returns the live array, so a test can assert it is still empty after using the page.
 */
export function trackOffHostRequests(page: Page, allowedOrigin: string): string[] {
  const offHost: string[] = [];
  const allowed = new URL(allowedOrigin).origin;
  const check = (url: string): void => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (URL.canParse(url) && new URL(url).origin === allowed) return;
    offHost.push(url);
  };
  page.on('request', (request) => check(request.url()));
  page.on('websocket', (socket) => check(socket.url()));
  return offHost;
}
