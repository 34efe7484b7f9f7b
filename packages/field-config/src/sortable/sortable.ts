// The editor's drag-and-drop library, alone in a chunk beside the bundle
// (form-field-config.sortable.js) that the rows' controller fetches once a list is on screen.
// The ESM build without plugins (AutoScroll, MultiDrag, Swap, OnSpill): the editor needs none.
export { default } from 'sortablejs/modular/sortable.core.esm.js';
