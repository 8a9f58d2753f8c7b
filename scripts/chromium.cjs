// Finds the system Chromium for Karma and Playwright: no test tool downloads a browser here.
const fs = require('node:fs');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Flags that let headless Chromium run as root in a container on a machine with no outside network. */
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function chromiumPath() {
  const fromEnv = process.env.CHROME_BIN;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_BIN points at ${fromEnv}, which does not exist.`);
  }
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
      'or set CHROME_BIN to a Chrome or Chromium executable.',
  );
}

module.exports = { chromiumPath, chromiumFlags };
