import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The React example. `npm run dev -w examples/react` serves it on port 5174 and forwards
 * `/api` to the demo server (`npm start`, port 5173), so the form can really submit.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:5173' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
