// `node --import tsx packages/field-config/bench/editor.bench.ts`: bundles <form-field-config>
// with esbuild, serves it on 127.0.0.1 and drives the system Chromium (playwright-core) to time,
// inside the page, one keyboard move and one displayed toggle on a config of 200 fields (the cap).
import { fileURLToPath } from 'node:url';
import { openBenchPage } from '../../../scripts/lib/bench-page.js';

const ITERATIONS = 50;
const entry = fileURLToPath(new URL('./page.ts', import.meta.url));

const { tab, bundleBytes, close } = await openBenchPage({ entry, title: 'editor bench', ready: 'editorBench' });
try {
  for (const preview of [false, true]) {
    const result = await tab.evaluate(
      ([iterations, withPreview]) => (window as unknown as { editorBench: (n: number, p: boolean) => Promise<{ rows: number; move: number; toggle: number }> }).editorBench(iterations, withPreview),
      [ITERATIONS, preview] as const,
    );
    const suffix = preview ? ', with preview' : '';
    console.log(`editor keyboard move (${result.rows} rows${suffix}): median ${result.move.toFixed(2)} ms`);
    console.log(`editor toggle (${result.rows} rows${suffix}): median ${result.toggle.toFixed(2)} ms`);
  }
  console.log(`(${ITERATIONS} iterations each, bundle ${(bundleBytes / 1000).toFixed(1)} KB min, Chromium headless)`);
} finally {
  await close();
}
