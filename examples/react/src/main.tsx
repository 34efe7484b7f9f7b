import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Importing the defining modules registers <account-request-form> and <form-field-config>.
import '@account-request/form/account-request-form.js';
import '@account-request/field-config/form-field-config.js';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
