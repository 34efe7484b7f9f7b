// Loaded first, so that violations raised while the element's modules evaluate are seen too.
declare global {
  interface Window {
    cspViolations: string[];
  }
}

window.cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
  true,
);

export {};
