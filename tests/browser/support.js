// Support for the browser tests: start the real binary, launch Debian's
// Chromium through playwright-core, and run axe-core on a page.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function startServer() {
  const bin = process.env.WSPOLNOTA_BIN;
  if (!bin) throw new Error('WSPOLNOTA_BIN is not set; run ./scripts/test');
  const dataDir = mkdtempSync(join(tmpdir(), 'wspolnota-browser-'));
  const child = spawn(bin, ['serve', '--demo', '--bind', '127.0.0.1:0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const base = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    lines.on('line', (line) => {
      const m = line.match(/listens on (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
  });
  return {
    base,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA, and best practices) and returns its violations. */
export async function axeViolations(page) {
  // Evaluated through the devtools protocol, which the page's Content-Security-Policy
  // (no inline scripts) does not govern.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
