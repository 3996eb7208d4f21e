// The one Chromium the e2e tests and the benches run: Debian's (never a downloaded browser), with the same flags.
// CHROMIUM_PATH in the environment points both at another build.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
