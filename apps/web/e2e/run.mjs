#!/usr/bin/env node
// Runs the Playwright suite with a browser this machine has: Debian's /usr/bin/chromium (or
// SADDLE_CHROMIUM), else Playwright's own download; without either it installs Debian's chromium
// when it runs as root with apt-get, and otherwise says how to get one and fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = join(here, '..');

function playwrightsOwnChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const candidates = [process.env.SADDLE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

/** As root on Debian/Ubuntu, install the distribution's Chromium (never Playwright's download, which needs the internet). */
function installDebianChromium() {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  console.log('e2e: no Chromium found; installing Debian\'s chromium with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return;
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], { stdio: 'inherit', env });
}

let system = candidates.find((path) => existsSync(path));
if (!system && !playwrightsOwnChromium()) {
  installDebianChromium();
  system = candidates.find((path) => existsSync(path));
}
const browser = system ?? playwrightsOwnChromium();
if (!browser) {
  console.error(
    [
      'e2e: no Chromium found, so the browser tests cannot run.',
      'Install one, then run `npm test -w @saddle/web` again:',
      '  Debian/Ubuntu (as root):  apt-get install -y chromium fonts-liberation',
      '  with internet access:     npx playwright install chromium',
      'or point SADDLE_CHROMIUM at a Chromium/Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}

console.log(`e2e: using ${browser}`);
const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const result = spawnSync(process.execPath, [playwrightCli, 'test', '-c', join(here, 'playwright.config.ts'), ...process.argv.slice(2)], {
  cwd: webRoot,
  stdio: 'inherit',
  env: { ...process.env, SADDLE_CHROMIUM: browser, NEXT_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
