import type { Table } from '../../table.js';
import type { form as en } from '../en/form.js';

/** Die Texte des Formulars selbst, auf Deutsch. */
export const form = {
  loading: 'Formular wird geladen…',
  configError: 'Dieses Formular kann derzeit nicht angezeigt werden. Bitte versuchen Sie es später erneut.',
  requiredLegend: 'Mit * gekennzeichnete Felder sind Pflichtfelder.',
  choose: 'Bitte wählen…',
  sending: 'Wird gesendet…',
  retry: 'Erneut versuchen',
  offline: 'Die Anfrage konnte nicht gesendet werden: Sie scheinen offline zu sein, oder der Server ist nicht erreichbar.',
  timeout: 'Der Server braucht zu lange für eine Antwort.',
  serverError: 'Auf dem Server ist ein Problem aufgetreten.',
  tooManyRequests: 'Es wurden zu viele Anfragen gesendet.',
  rejected: 'Der Server hat die Anfrage abgelehnt.',
  lost: 'Die Antwort des Servers ist unterwegs verloren gegangen: Ein erneuter Versuch sendet Ihre Anfrage nicht doppelt.',
  kept: 'Ihre Eingaben bleiben erhalten.',
  canRetry: 'Sie können es erneut versuchen.',
  honeypot: 'Dieses Feld bitte leer lassen',
  summary: { one: '{count} Feld muss korrigiert werden.', other: '{count} Felder müssen korrigiert werden.' },
  retryIn: 'Sie können es in {wait} erneut versuchen.',
  retrying: 'Neuer Versuch in {wait}…',
  retryingNow: 'Neuer Versuch…',
} satisfies Table<typeof en>;
