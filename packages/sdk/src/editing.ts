// `@account-request/sdk/editing`: what an editor of configs shows its author besides the model
// (the main entry's edits): a config issue and a field's condition in words. Apart from the main
// entry, with their wording tables, so that a form or an app that only reads configs carries none.
export { configIssueMessage } from './i18n/issues.js';
export { describeCondition, describeVisibility, hiddenFieldNotice } from './describe-condition.js';
