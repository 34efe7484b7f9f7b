/**
 * English words of the bot check in the form: the widget's (ALTCHA's strings, handed to it in the
 * form's language) and the form's message after a refused solution. Only the form's bot-check
 * chunk loads them.
 */
export const botCheckWidget = {
  widget: {
    label: 'Anti-robot check',
    verifying: 'Checking that you are not a robot…',
    verified: 'Anti-robot check done',
    verificationRequired: 'Wait until the anti-robot check is done.',
    waitAlert: 'Checking… please wait.',
    error: 'The anti-robot check failed. Try again.',
    expired: 'The anti-robot check has expired. It starts again.',
    loading: 'Loading…',
    reload: 'Start again',
    verify: 'Check',
    cancel: 'Cancel',
    enterCode: 'Enter the code',
    enterCodeAria: 'Enter the code you hear. Press Space to play the sound.',
    enterCodeFromImage: 'To continue, type the code shown in the picture below.',
    getAudioChallenge: 'Hear the code instead',
  },
  refused: 'The anti-robot check has to be done again. It restarts by itself: send the form once it says it is done.',
  /** Instead of the widget on a page not served over HTTPS: browsers give the widget's Web Crypto only to secure pages. */
  insecure: 'This page is not secure (HTTPS), so the anti-robot check cannot run and the form cannot be sent from here. Please let the site’s team know.',
};
