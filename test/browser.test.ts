import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// The library in a browser: bundled by esbuild with no Node built-in, and the playground page
// (examples/playground) driven in headless Chromium from Debian's package (no browser download).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Set from the measured size (262,849 bytes gzipped at rule set 8f40aca2b92c) plus 2%: a rule round or
// a dependency that grows the bundle past it must say so here. The target, 200 KB, is not met:
// compromise's tagger (~100 KB) and the rule tables (~105 KB) alone come to more (README, "In the browser").
const GZIP_BUDGET = 268_000;

describe('the browser bundle', () => {
  it(`bundles for the browser with no Node built-in, within ${GZIP_BUDGET.toLocaleString('en')} bytes gzipped, and prints its size`, async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src', 'index.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.startsWith('node:') || /(^|\/)node_modules\/(pg|mongoose|redis|natural\/lib\/natural\/index)/.test(path))).toEqual([]);
    const code = result.outputFiles[0]!.contents;
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(`browser bundle: ${code.length} bytes, ${gzipped} bytes gzipped, ${brotliCompressSync(code).length} bytes with brotli`);
    expect(gzipped).toBeLessThanOrEqual(GZIP_BUDGET);
  });
});

describe('the playground in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    execFileSync('node', [join(ROOT, 'scripts', 'build-playground.mjs')], { cwd: ROOT, stdio: 'ignore' });
    expect(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`).toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows reject and highlights the threat as it is typed, then approve for a news sentence', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(ROOT, 'examples', 'playground', 'index.html')).href);
    const box = page.locator('#comment');
    await box.pressSequentially('I will kill you');
    await expect.poll(() => page.locator('#verdict').textContent()).toBe('reject');
    expect(await page.locator('#preview mark').allTextContents()).toEqual(['I will kill you']);
    expect(await page.locator('#reasons li').first().textContent()).toContain('threat');

    await box.fill('ISIS killed 20 civilians in an airstrike on Tuesday, officials said.');
    await expect.poll(() => page.locator('#verdict').textContent()).toBe('approve');
    expect(await page.locator('#preview mark').count()).toBe(0);
    await page.close();
  }, 60_000);
});
