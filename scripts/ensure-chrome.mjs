// Finds a Chromium for the browser and end-to-end tests. Where none is
// found and we run as root with apt, installs Debian's; otherwise fails
// and says how to provide one. Prints the path it settled on.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function canApt() {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist`);
  }
  if (!canApt()) {
    throw new Error(
      'No Chromium found. Install one (Debian: apt-get install chromium) ' +
        'or set CHROME_PATH to a Chrome or Chromium binary.',
    );
  }
  console.error('no Chromium found: installing Debian chromium with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  const installed = findChrome();
  if (!installed) throw new Error('apt-get ran but no Chromium appeared');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChrome());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
