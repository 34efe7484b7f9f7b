import type { Table } from '../../table.js';
import type { mail as en } from '../en/mail.js';

/** Les e-mails, en français. */
export const mail = {
  greeting: 'Bonjour,',
  signature: 'L’équipe {site}',
  confirmationSubject: 'Nous avons bien reçu votre demande de compte professionnel',
  confirmationBody: [
    'Merci : la demande d’ouverture de compte professionnel pour {company} nous est bien parvenue.',
    'Notre équipe commerciale l’examine et vous écrit dès qu’elle est traitée.',
  ],
  alertSubject: 'Nouvelle demande de compte professionnel : {company}',
  alertIntro: 'Une nouvelle demande d’ouverture de compte attend son traitement.',
  alertOpen: 'Ouvrir la demande',
  labels: {
    contact: 'Contact',
    received: 'Reçue le',
  },
  activationSubject: 'Activez votre compte professionnel {site}',
  activationBody: ['Bonne nouvelle : le compte professionnel de {company} est ouvert.', 'Pour vous connecter, choisissez votre mot de passe avec ce lien :'],
  activationButton: 'Choisir mon mot de passe',
  activationExpiry: 'Ce lien fonctionne une seule fois, jusqu’au {date}.',
  activationIgnore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.',
} satisfies Table<typeof en>;
