// Hands each <account-request-form data-prefill="id"> the values of the JSON data block with that
// id (what the applicant sent, or an invitation's values): the page's CSP runs no inline script.
for (const form of document.querySelectorAll('account-request-form[data-prefill]')) {
  const data = document.getElementById(form.getAttribute('data-prefill') ?? '');
  if (data) form.values = JSON.parse(data.textContent ?? '{}');
}
