/**
 * English words of conditions (`visibleWhen`) as the editor writes them out on a row; `{field}` is a field's label, `{values}` a list of values.
 */
export const conditions = {
  shownWhen: 'Shown only when {condition}',
  isValue: '{field} is {values}',
  isNot: '{field} is not {values}',
  isNoneOf: '{field} is none of {values}',
  euMember: '{field} is an EU member state',
  euMemberExcept: '{field} is an EU member state other than {values}',
  filled: '{field} is filled in',
  empty: '{field} is empty',
  ticked: '{field} is ticked',
  notTicked: '{field} is not ticked',
  hasFile: 'a file is attached to {field}',
  noFile: 'no file is attached to {field}',
  /** After the sentence above, once per field the condition reads that is not displayed (a hidden field counts as empty). */
  readsHidden: '{field} is not displayed: the form reads it as empty.',
  /** Announced when a field that other fields' conditions read is no longer displayed; `{fields}` lists their labels. */
  hiddenIsRead: '{field} is not displayed, and the conditions of {fields} read it: the form now reads it as empty.',
};
