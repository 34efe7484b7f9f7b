/** English words of the bot check's setting in the editor (the form's words are `botCheckWidget`). */
export const botCheck = {
  setting: 'Anti-robot check (proof of work)',
  settingHelp: 'Before sending, the visitor’s browser solves a small computation (about a second): no cookie, no outside service. The server must have a key for it (ALTCHA_HMAC_KEY in the demo).',
};
