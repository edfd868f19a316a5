/**
 * How every browser run of the project starts Chromium: Debian's by default (CHROMIUM_PATH points elsewhere),
 * headless as root, and with the background networking off (this machine's network is closed).
 * Shared by the Playwright configs and the graph benchmark.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_LAUNCH = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS };
