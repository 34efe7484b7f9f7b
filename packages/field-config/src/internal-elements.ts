import { FfcConditionDialog } from './conditions/condition-dialog.js';
import { FfcCustomFields } from './custom-fields/custom-fields.js';
import { FfcFieldRows } from './field-rows/field-rows.js';
import { FfcStepEditor } from './field-rows/step-editor.js';
import { FfcPreview } from './preview/preview.js';
import { FfcSettings } from './settings/settings.js';

const ELEMENTS: Readonly<Record<string, CustomElementConstructor>> = {
  'ffc-field-rows': FfcFieldRows,
  'ffc-step-editor': FfcStepEditor,
  'ffc-condition-dialog': FfcConditionDialog,
  'ffc-custom-fields': FfcCustomFields,
  'ffc-settings': FfcSettings,
  'ffc-preview': FfcPreview,
};

/**
 * Registers the editor's internal elements, once (the preview's form defines itself when its code arrives: preview/load-form.ts). Called by the editor
 * rather than done as import side effects, which bundlers may drop from "side-effect free" modules.
 */
export function defineInternalElements(): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) if (!customElements.get(tag)) customElements.define(tag, element);
}
