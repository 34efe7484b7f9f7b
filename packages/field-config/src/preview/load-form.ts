import { onLocalesChange, registeredLocales, registeredTables, registerLocale } from '@account-request/sdk';

type FormModule = typeof import('@account-request/form/account-request-form.js');

/**
 * Where the preview's `<account-request-form>` comes from. The editor's single-file bundle
 * leaves the form out: the import below becomes the form's own bundle beside it
 * (`./account-request-form.bundle.js`, vite.config.ts), fetched the first time a preview is
 * shown, so an editor without a preview never downloads it. A module (not a constant) so that
 * a test can make the fetch fail.
 */
export const formSource = {
  load: (): Promise<FormModule> => import('@account-request/form/account-request-form.js'),
};

let loading: Promise<void> | undefined;

/** Defines `<account-request-form>` (once); rejects when its bundle could not be fetched, and a later call tries again. */
export function loadPreviewForm(): Promise<void> {
  loading ??= formSource.load().then(shareLocales, (error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

// The form's bundle has its own copy of the SDK and so its own text registry: the languages a
// page registered with the editor's `registerLocale` (docs/i18n.md) reach the preview too,
// now and whenever one is added. Built from sources, both share one registry: nothing to do.
function shareLocales(form: FormModule): void {
  if (form.registerLocale === registerLocale) return;
  const share = () => {
    for (const tag of registeredLocales()) {
      const tables = registeredTables(tag);
      if (tables) form.registerLocale(tag, tables);
    }
  };
  share();
  onLocalesChange(share);
}
