// The bulk decision's confirmation comes from the server as an open <dialog> (usable without
// JavaScript). Shown modal instead, it keeps focus inside, closes on Escape, and leaves the page
// behind inert; once closed, focus goes back to the button that asked for it.
const dialog = document.getElementById('bulk-confirm');
if (dialog instanceof HTMLDialogElement && dialog.open) {
  dialog.close();
  dialog.showModal();
  dialog.addEventListener('close', () => {
    // The close() above queues a close event too; it arrives while the dialog is modal again.
    if (dialog.open) return;
    const opener = document.querySelector('#bulk-decisions button[type="submit"]');
    if (opener instanceof HTMLElement) opener.focus();
  });
}
