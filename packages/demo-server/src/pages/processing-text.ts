import type { PageLocale } from './text.js';

type Status = 'new' | 'in-progress' | 'accepted' | 'rejected';

/** Texts of the request processing, outbox and activation pages. */
export interface ProcessingText {
  readonly status: Readonly<Record<Status, string>>;
  /** The button that moves a request to each status. */
  readonly moveTo: Readonly<Record<Status, string>>;
  readonly listTitle: string;
  readonly listIntro: string;
  readonly filters: string;
  readonly statusLabel: string;
  readonly any: string;
  readonly inAccountLabel: string;
  readonly yes: string;
  readonly no: string;
  readonly search: string;
  readonly searchHelp: string;
  readonly from: string;
  readonly to: string;
  readonly sort: string;
  readonly sorts: Readonly<Record<'createdAt' | 'companyName' | 'status', string>>;
  readonly order: string;
  readonly asc: string;
  readonly desc: string;
  readonly apply: string;
  readonly reset: string;
  readonly export: string;
  readonly caption: (first: number, last: number, total: number) => string;
  readonly none: string;
  readonly columns: { readonly date: string; readonly company: string; readonly email: string; readonly status: string; readonly inAccount: string; readonly open: string };
  readonly previous: string;
  readonly next: string;
  readonly bulkTitle: string;
  readonly bulkHelp: string;
  readonly bulkDate: string;
  readonly bulkSend: string;
  readonly bulkDone: (queued: number, activated: number) => string;
  readonly backToList: string;
  readonly detailTitle: (company: string) => string;
  readonly values: string;
  readonly received: string;
  readonly activated: string;
  readonly notActivated: string;
  readonly changeStatus: string;
  readonly newStatus: string;
  readonly noMove: string;
  readonly continue: string;
  readonly confirmTitle: string;
  readonly confirmText: (from: string, to: string, company: string) => string;
  readonly confirmAccept: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly account: string;
  readonly inAccountCheck: string;
  readonly inAccountHelp: string;
  readonly note: string;
  readonly noteHelp: string;
  readonly save: string;
  readonly saved: string;
  readonly stale: string;
  readonly history: string;
  readonly noHistory: string;
  readonly change: (field: string, from: string, to: string) => string;
  readonly activationChange: string;
  readonly resend: string;
  readonly resent: string;
  readonly outboxTitle: string;
  readonly outboxIntro: string;
  readonly outboxColumns: { readonly date: string; readonly kind: string; readonly to: string; readonly subject: string; readonly state: string; readonly attempts: string; readonly error: string };
  readonly kinds: Readonly<Record<'confirmation' | 'alert' | 'activation', string>>;
  readonly states: Readonly<Record<'pending' | 'sent' | 'failed', string>>;
  readonly view: string;
  readonly noFile: string;
  readonly messageTitle: string;
  readonly outboxLink: string;
  readonly activationTitle: string;
  readonly activationIntro: (company: string, email: string) => string;
  readonly password: string;
  readonly passwordHelp: string;
  readonly passwordConfirm: string;
  readonly mismatch: string;
  readonly setPassword: string;
  readonly activationDone: string;
  readonly activationGone: Readonly<Record<'expired' | 'used' | 'replaced' | 'unknown', string>>;
  readonly errorPrefix: string;
  readonly forbidden: string;
}

const fr: ProcessingText = {
  status: { new: 'Nouvelle', 'in-progress': 'En cours', accepted: 'Acceptée', rejected: 'Refusée' },
  moveTo: { new: 'Remettre en nouvelle', 'in-progress': 'Prendre en charge', accepted: 'Accepter', rejected: 'Refuser' },
  listTitle: 'Demandes de compte professionnel',
  listIntro: 'Retrouvez les demandes reçues, traitez-les et indiquez quels clients sont en compte.',
  filters: 'Filtres',
  statusLabel: 'Traitement',
  any: 'Tous',
  inAccountLabel: 'Client en compte',
  yes: 'Oui',
  no: 'Non',
  search: 'Recherche',
  searchHelp: 'Raison sociale, e-mail ou SIRET ; accents et majuscules indifférents.',
  from: 'Reçues depuis le',
  to: 'Reçues jusqu’au',
  sort: 'Trier par',
  sorts: { createdAt: 'Date de réception', companyName: 'Raison sociale', status: 'Traitement' },
  order: 'Ordre',
  asc: 'Croissant',
  desc: 'Décroissant',
  apply: 'Filtrer',
  reset: 'Effacer les filtres',
  export: 'Exporter en CSV',
  caption: (first, last, total) => `Demandes ${first} à ${last} sur ${total}`,
  none: 'Aucune demande ne correspond à ces filtres.',
  columns: { date: 'Reçue le', company: 'Raison sociale', email: 'E-mail', status: 'Traitement', inAccount: 'En compte', open: 'Détail' },
  previous: 'Page précédente',
  next: 'Page suivante',
  bulkTitle: 'Envoyer les demandes d’activation',
  bulkHelp: 'Envoie un lien d’activation à chaque demande acceptée reçue depuis cette date ; les comptes déjà activés sont ignorés.',
  bulkDate: 'Demandes reçues depuis le',
  bulkSend: 'Envoyer les demandes d’activation',
  bulkDone: (queued, activated) => `${queued} demande(s) d’activation envoyée(s) ; ${activated} compte(s) déjà activé(s) ignoré(s).`,
  backToList: 'Retour à la liste des demandes',
  detailTitle: (company) => `Demande de ${company}`,
  values: 'Informations saisies',
  received: 'Reçue le',
  activated: 'Compte activé le',
  notActivated: 'Compte pas encore activé',
  changeStatus: 'Changer le traitement',
  newStatus: 'Nouveau traitement',
  noMove: 'Cette demande est acceptée : son traitement ne change plus.',
  continue: 'Continuer',
  confirmTitle: 'Confirmer le changement',
  confirmText: (from, to, company) => `Passer la demande de ${company} de « ${from} » à « ${to} » ?`,
  confirmAccept: 'Le client recevra un e-mail avec un lien pour choisir son mot de passe.',
  confirm: 'Confirmer',
  cancel: 'Annuler',
  account: 'Informations comptables',
  inAccountCheck: 'Client en compte',
  inAccountHelp: 'Cochez si ce professionnel achète en compte.',
  note: 'Note interne',
  noteHelp: 'Visible uniquement par l’équipe ; jamais envoyée au client.',
  save: 'Enregistrer',
  saved: 'Modifications enregistrées.',
  stale: 'Cette demande a été modifiée entre-temps : voici sa version à jour, refaites votre changement.',
  history: 'Historique',
  noHistory: 'Aucune modification pour l’instant.',
  change: (field, from, to) => `${field} : ${from} → ${to}`,
  activationChange: 'Compte activé par le client',
  resend: 'Renvoyer le lien d’activation',
  resent: 'Un nouveau lien d’activation a été envoyé ; les précédents ne fonctionnent plus.',
  outboxTitle: 'E-mails envoyés',
  outboxIntro: 'Chaque e-mail est enregistré avant son envoi ; un envoi échoué est retenté automatiquement.',
  outboxColumns: { date: 'Créé le', kind: 'Type', to: 'Destinataire', subject: 'Objet', state: 'État', attempts: 'Tentatives', error: 'Dernière erreur' },
  kinds: { confirmation: 'Accusé de réception', alert: 'Alerte', activation: 'Activation' },
  states: { pending: 'En attente', sent: 'Envoyé', failed: 'Échec' },
  view: 'Voir',
  noFile: 'Aucun fichier .eml pour ce message (envoyé par SMTP, ou pas encore écrit).',
  messageTitle: 'Message',
  outboxLink: 'E-mails envoyés',
  activationTitle: 'Activer votre compte professionnel',
  activationIntro: (company, email) => `Choisissez le mot de passe du compte de ${company} (identifiant : ${email}).`,
  password: 'Nouveau mot de passe',
  passwordHelp: 'Au moins 12 caractères ; une phrase facile à retenir convient très bien.',
  passwordConfirm: 'Confirmez le mot de passe',
  mismatch: 'Les deux mots de passe ne sont pas identiques.',
  setPassword: 'Activer mon compte',
  activationDone: 'Votre compte est activé : vous pouvez vous connecter avec votre adresse e-mail et ce mot de passe.',
  activationGone: {
    expired: 'Ce lien d’activation a expiré. Contactez-nous pour en recevoir un nouveau.',
    used: 'Ce lien d’activation a déjà servi : votre compte est activé.',
    replaced: 'Un lien plus récent vous a été envoyé : utilisez le dernier e-mail reçu.',
    unknown: 'Ce lien d’activation n’est pas valide.',
  },
  errorPrefix: 'Erreur :',
  forbidden: 'Ce formulaire doit être envoyé depuis ce site.',
};

const en: ProcessingText = {
  status: { new: 'New', 'in-progress': 'In progress', accepted: 'Accepted', rejected: 'Rejected' },
  moveTo: { new: 'Back to new', 'in-progress': 'Take in charge', accepted: 'Accept', rejected: 'Reject' },
  listTitle: 'Business account requests',
  listIntro: 'Find the requests received, process them and record which customers buy on account.',
  filters: 'Filters',
  statusLabel: 'Processing',
  any: 'All',
  inAccountLabel: 'Account customer',
  yes: 'Yes',
  no: 'No',
  search: 'Search',
  searchHelp: 'Company name, e-mail or SIRET; accents and case do not matter.',
  from: 'Received from',
  to: 'Received until',
  sort: 'Sort by',
  sorts: { createdAt: 'Date received', companyName: 'Company name', status: 'Processing' },
  order: 'Order',
  asc: 'Ascending',
  desc: 'Descending',
  apply: 'Filter',
  reset: 'Clear the filters',
  export: 'Export as CSV',
  caption: (first, last, total) => `Requests ${first} to ${last} of ${total}`,
  none: 'No request matches these filters.',
  columns: { date: 'Received', company: 'Company', email: 'E-mail', status: 'Processing', inAccount: 'On account', open: 'Details' },
  previous: 'Previous page',
  next: 'Next page',
  bulkTitle: 'Send activation requests',
  bulkHelp: 'Sends an activation link to every accepted request received since this date; accounts already activated are skipped.',
  bulkDate: 'Requests received since',
  bulkSend: 'Send activation requests',
  bulkDone: (queued, activated) => `${queued} activation request(s) sent; ${activated} account(s) already activated skipped.`,
  backToList: 'Back to the requests',
  detailTitle: (company) => `Request from ${company}`,
  values: 'Submitted details',
  received: 'Received',
  activated: 'Account activated on',
  notActivated: 'Account not activated yet',
  changeStatus: 'Change the processing status',
  newStatus: 'New status',
  noMove: 'This request is accepted: its status no longer changes.',
  continue: 'Continue',
  confirmTitle: 'Confirm the change',
  confirmText: (from, to, company) => `Move the request from ${company} from “${from}” to “${to}”?`,
  confirmAccept: 'The customer will get an e-mail with a link to choose a password.',
  confirm: 'Confirm',
  cancel: 'Cancel',
  account: 'Accounting',
  inAccountCheck: 'Account customer',
  inAccountHelp: 'Tick when this business buys on account.',
  note: 'Internal note',
  noteHelp: 'Seen by the team only; never sent to the customer.',
  save: 'Save',
  saved: 'Changes saved.',
  stale: 'This request changed meanwhile: here is its current version, make your change again.',
  history: 'History',
  noHistory: 'No change yet.',
  change: (field, from, to) => `${field}: ${from} → ${to}`,
  activationChange: 'Account activated by the customer',
  resend: 'Send the activation link again',
  resent: 'A new activation link was sent; the older ones no longer work.',
  outboxTitle: 'Sent e-mails',
  outboxIntro: 'Each e-mail is recorded before it is sent; a failed delivery is retried automatically.',
  outboxColumns: { date: 'Created', kind: 'Kind', to: 'Recipient', subject: 'Subject', state: 'State', attempts: 'Attempts', error: 'Last error' },
  kinds: { confirmation: 'Confirmation', alert: 'Alert', activation: 'Activation' },
  states: { pending: 'Pending', sent: 'Sent', failed: 'Failed' },
  view: 'View',
  noFile: 'No .eml file for this message (sent by SMTP, or not written yet).',
  messageTitle: 'Message',
  outboxLink: 'Sent e-mails',
  activationTitle: 'Activate your business account',
  activationIntro: (company, email) => `Choose the password of the ${company} account (sign-in: ${email}).`,
  password: 'New password',
  passwordHelp: 'At least 12 characters; an easy-to-remember phrase works well.',
  passwordConfirm: 'Confirm the password',
  mismatch: 'The two passwords are not the same.',
  setPassword: 'Activate my account',
  activationDone: 'Your account is active: you can sign in with your e-mail address and this password.',
  activationGone: {
    expired: 'This activation link has expired. Contact us to get a new one.',
    used: 'This activation link was already used: your account is active.',
    replaced: 'A newer link was sent to you: use the latest e-mail.',
    unknown: 'This activation link is not valid.',
  },
  errorPrefix: 'Error:',
  forbidden: 'This form must be sent from this site.',
};

/** The processing texts of one page language. */
export function processingText(locale: PageLocale): ProcessingText {
  return locale === 'en' ? en : fr;
}
