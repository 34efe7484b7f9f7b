/** What a page under test/csp/ posts to its parent once its checks ran under the strict policy. */
export interface CspReport {
  readonly type: 'csp-report';
  readonly results: Record<string, unknown>;
  readonly violations: string[];
  readonly canary: string[];
}

/**
 * Loads `src` in an iframe (so its own CSP header applies), waits for the report it posts, and
 * removes the frame.
 */
export async function loadCspReport(src: string): Promise<CspReport> {
  const frame = document.createElement('iframe');
  const report = new Promise<CspReport>((resolve) => {
    window.addEventListener('message', function listener(event: MessageEvent<CspReport>) {
      if (event.source !== frame.contentWindow || event.data?.type !== 'csp-report') return;
      window.removeEventListener('message', listener);
      resolve(event.data);
    });
  });
  frame.src = src;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}
