import { css } from 'lit';

export const settingsStyles = css`
  input[type='email'],
  input[name='redirectUrl'] {
    max-inline-size: 30em;
  }
  textarea {
    resize: vertical;
  }
`;
