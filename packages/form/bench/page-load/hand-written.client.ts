// The only script of the page-load bench's hand-written page: what a careful author adds to a
// plain HTML form. The browser's own constraint validation decides what is wrong; the script
// paints the messages (each control's `data-missing` text), ties them with aria-describedby,
// marks the fields aria-invalid, announces a count and focuses the first invalid field.
export {};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const form = document.querySelector('form');
const status = document.querySelector('[role="status"]');

function isControl(element: Element): element is Control {
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
}

/** The element a field's messages describe: the fieldset of a radio group, else the control. */
function describedOf(control: Control): HTMLElement {
  return (control.type === 'radio' && control.closest('fieldset')) || control;
}

function showError(control: Control, message: string | undefined): void {
  const described = describedOf(control);
  const errorId = `${described.id}-error`;
  const helpId = described.dataset['help'];
  document.getElementById(errorId)?.remove();
  const group = control.type === 'radio' && control.form ? [...control.form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(control.name)}"]`)] : [control];
  for (const each of group) {
    if (message) each.setAttribute('aria-invalid', 'true');
    else each.removeAttribute('aria-invalid');
  }
  const ids = [helpId, message ? errorId : undefined].filter(Boolean).join(' ');
  if (ids) described.setAttribute('aria-describedby', ids);
  else described.removeAttribute('aria-describedby');
  if (!message) return;
  const error = document.createElement('p');
  error.id = errorId;
  error.className = 'error';
  const prefix = document.createElement('span');
  prefix.className = 'vh';
  prefix.textContent = 'Error: ';
  error.append(prefix, message);
  (described.closest('.field') ?? described).append(error);
}

/** The message for a control the browser finds invalid, `undefined` when it is valid. */
function messageFor(control: Control): string | undefined {
  if (control.checkValidity()) return undefined;
  return control.validity.valueMissing ? describedOf(control).dataset['missing'] : control.validationMessage;
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const seen = new Set<string>();
  let first: Control | undefined;
  let count = 0;
  for (const element of form.elements) {
    if (!isControl(element) || !element.willValidate || seen.has(element.name)) continue;
    seen.add(element.name);
    const message = messageFor(element);
    showError(element, message);
    if (message === undefined) continue;
    count++;
    first ??= element;
  }
  if (status) status.textContent = count === 0 ? '' : count === 1 ? '1 field needs correcting.' : `${count} fields need correcting.`;
  if (first) first.focus();
  else form.submit();
});

// A shown message goes away as soon as the field is fixed.
form?.addEventListener('change', (event) => {
  const target = event.target;
  if (target instanceof Element && isControl(target) && target.getAttribute('aria-invalid') === 'true') showError(target, messageFor(target));
});
