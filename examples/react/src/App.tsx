import { useEffect, useRef, useState } from 'react';
import { defaultConfig, setDisplayed, setRequired, type FormConfig, type SubmissionResult } from '@account-request/sdk';
import type { AccountRequestForm } from '@account-request/form';
import type { FormFieldConfig } from '@account-request/field-config';

// The starting config: the defaults, with the fax shown and required (pure SDK edits).
const initialConfig: FormConfig = setRequired(setDisplayed(defaultConfig(), 'fax', true), 'fax', true);

/**
 * The editor on the left, the form on the right. React owns the config: the editor reports
 * every edit with `field-config-change`, React stores it, and hands it to the form's `.config`
 * property. Objects go through properties (refs), never attributes.
 */
export function App() {
  const editorRef = useRef<FormFieldConfig>(null);
  const formRef = useRef<AccountRequestForm>(null);
  const [config, setConfig] = useState<FormConfig>(initialConfig);
  const [dirty, setDirty] = useState(false);
  const [sent, setSent] = useState<SubmissionResult | undefined>();

  // Once: the editor starts from the initial config, then owns its draft (and its undo history).
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.config = initialConfig;
    const onChange = (event: HTMLElementEventMap['field-config-change']) => {
      setConfig(event.detail.config);
      setDirty(editor.dirty);
    };
    editor.addEventListener('field-config-change', onChange);
    return () => editor.removeEventListener('field-config-change', onChange);
  }, []);

  // Every config change reaches the form as a property.
  useEffect(() => {
    if (formRef.current) formRef.current.config = config;
  }, [config]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const onSuccess = (event: HTMLElementEventMap['account-request-success']) => setSent(event.detail.response);
    form.addEventListener('account-request-success', onSuccess);
    return () => form.removeEventListener('account-request-success', onSuccess);
  }, []);

  const shown = config.fields.filter((field) => field.displayed).length;

  return (
    <main className="layout">
      <section aria-labelledby="editor-title">
        <h1 id="editor-title">Champs du formulaire</h1>
        <p id="editor-summary">
          {shown} champs affichés{dirty ? ' · modifications non enregistrées' : ''}{' '}
          <button type="button" onClick={() => editorRef.current?.revert()} disabled={!dirty}>
            Annuler les modifications
          </button>
        </p>
        <form-field-config ref={editorRef} lang="fr" />
      </section>
      <section aria-labelledby="form-title">
        <h2 id="form-title">Aperçu</h2>
        {sent ? <p role="status">Demande {sent.id} envoyée (accès : {sent.access}).</p> : null}
        <account-request-form ref={formRef} action="/api/account-requests" lang="fr" draft="off" />
      </section>
    </main>
  );
}
