import type { Table } from '../../table.js';
import type { form as en } from '../en/form.js';

/** Textes propres au formulaire, en français. */
export const form = {
  loading: 'Chargement du formulaire…',
  configError: 'Ce formulaire ne peut pas être affiché pour le moment. Veuillez réessayer plus tard.',
  requiredLegend: 'Les champs marqués * sont obligatoires.',
  choose: 'Choisir…',
  sending: 'Envoi en cours…',
  retry: 'Réessayer',
  offline: 'La demande n’a pas pu partir : vous semblez hors ligne ou le serveur est injoignable.',
  timeout: 'Le serveur met trop de temps à répondre.',
  serverError: 'Le serveur a rencontré un problème.',
  tooManyRequests: 'Trop de demandes ont été envoyées.',
  rejected: 'La demande a été refusée par le serveur.',
  lost: 'La réponse du serveur s’est perdue en chemin : réessayer n’enverra pas votre demande deux fois.',
  kept: 'Vos saisies sont conservées.',
  canRetry: 'Vous pouvez réessayer.',
  honeypot: 'Laisser ce champ vide',
  summary: { one: '{count} champ est à corriger.', other: '{count} champs sont à corriger.' },
  retryIn: 'Vous pourrez réessayer dans {wait}.',
  retrying: 'Nouvel essai dans {wait}…',
  retryingNow: 'Nouvel essai…',
} satisfies Table<typeof en>;
