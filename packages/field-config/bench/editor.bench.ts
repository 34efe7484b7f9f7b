// `node --import tsx packages/field-config/bench/editor.bench.ts`: bundles <form-field-config>
// with esbuild, serves it on 127.0.0.1 and drives the system Chromium (playwright-core) to time,
// inside the page, one keyboard move and one displayed toggle on a config of 200 fields (the cap).
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from '../../../scripts/lib/chromium.js';

const ITERATIONS = 50;
const entry = fileURLToPath(new URL('./page.ts', import.meta.url));

const { outputFiles } = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  conditions: ['source', 'browser'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const script = outputFiles[0]?.contents ?? new Uint8Array();
const page = `<!doctype html><html lang="en"><title>editor bench</title><body><script type="module" src="/bench.js"></script></body></html>`;

const server = createServer((request, response) => {
  if (request.url === '/bench.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else response.writeHead(200, { 'content-type': 'text/html' }).end(page);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const browser = await launchChromium();
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => 'editorBench' in window);
  for (const preview of [false, true]) {
    const result = await tab.evaluate(
      ([iterations, withPreview]) => (window as unknown as { editorBench: (n: number, p: boolean) => Promise<{ rows: number; move: number; toggle: number }> }).editorBench(iterations, withPreview),
      [ITERATIONS, preview] as const,
    );
    const suffix = preview ? ', with preview' : '';
    console.log(`editor keyboard move (${result.rows} rows${suffix}): median ${result.move.toFixed(2)} ms`);
    console.log(`editor toggle (${result.rows} rows${suffix}): median ${result.toggle.toFixed(2)} ms`);
  }
  console.log(`(${ITERATIONS} iterations each, bundle ${(script.length / 1000).toFixed(1)} KB min, Chromium headless)`);
} finally {
  await browser.close();
  server.close();
}
