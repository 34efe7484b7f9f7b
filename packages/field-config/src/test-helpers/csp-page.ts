// Loaded in an iframe whose document carries a strict CSP (see csp.test.ts): mounts the editor
// with its preview and records every securitypolicyviolation for the parent test.
import { defaultConfig } from '@account-request/sdk';
import '../form-field-config/form-field-config.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));

const editor = document.createElement('form-field-config');
editor.preview = true;
editor.config = defaultConfig();
document.body.append(editor);
await editor.updateComplete;
// The canary: a style attribute set from script must be refused, proving the policy is in force.
document.body.setAttribute('style', 'outline: 1px solid red');
Object.assign(window, { cspEditor: editor, cspViolations: violations });
