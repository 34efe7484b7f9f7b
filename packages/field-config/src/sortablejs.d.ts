// The ESM build without plugins (AutoScroll, MultiDrag, Swap, OnSpill): 0.4 KB lighter,
// and the editor needs none of them. Its API is the package's main one.
declare module 'sortablejs/modular/sortable.core.esm.js' {
  import Sortable from 'sortablejs';
  export default Sortable;
}
