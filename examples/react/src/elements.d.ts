// JSX types of the two custom elements. Only attributes go here: properties (`.config`) are
// set through refs, and events are listened to with addEventListener (see App.tsx).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AccountRequestForm } from '@account-request/form';
import type { FormFieldConfig } from '@account-request/field-config';

type ElementProps<E extends HTMLElement, A> = DetailedHTMLProps<HTMLAttributes<E>, E> & A;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'account-request-form': ElementProps<AccountRequestForm, { action?: string; 'config-src'?: string; draft?: 'local' | 'session' | 'off'; 'light-dom'?: boolean; enctype?: string }>;
      'form-field-config': ElementProps<FormFieldConfig, { 'config-src'?: string; preview?: boolean }>;
    }
  }
}
