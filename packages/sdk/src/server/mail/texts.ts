import type { BuiltInLocale } from '../../types.js';

/** Wording of the e-mails in one language. `{site}`, `{company}`, `{date}` are filled in by the templates. */
export interface MailTexts {
  readonly greeting: string;
  readonly signature: string;
  readonly confirmationSubject: string;
  readonly confirmationBody: readonly string[];
  readonly alertSubject: string;
  readonly alertIntro: string;
  readonly alertOpen: string;
  readonly labels: {
    readonly company: string;
    readonly contact: string;
    readonly email: string;
    readonly phone: string;
    readonly siret: string;
    readonly city: string;
    readonly received: string;
  };
  readonly activationSubject: string;
  readonly activationBody: readonly string[];
  readonly activationButton: string;
  readonly activationExpiry: string;
  readonly activationIgnore: string;
}

const fr: MailTexts = {
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
  labels: { company: 'Raison sociale', contact: 'Contact', email: 'E-mail', phone: 'Téléphone', siret: 'SIRET', city: 'Ville', received: 'Reçue le' },
  activationSubject: 'Activez votre compte professionnel {site}',
  activationBody: ['Bonne nouvelle : le compte professionnel de {company} est ouvert.', 'Pour vous connecter, choisissez votre mot de passe avec ce lien :'],
  activationButton: 'Choisir mon mot de passe',
  activationExpiry: 'Ce lien fonctionne une seule fois, jusqu’au {date}.',
  activationIgnore: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.',
};

const en: MailTexts = {
  greeting: 'Hello,',
  signature: 'The {site} team',
  confirmationSubject: 'We have received your business account request',
  confirmationBody: ['Thank you: the business account request for {company} has reached us.', 'Our sales team is reviewing it and will write to you once it is processed.'],
  alertSubject: 'New business account request: {company}',
  alertIntro: 'A new account request is waiting to be processed.',
  alertOpen: 'Open the request',
  labels: { company: 'Company', contact: 'Contact', email: 'E-mail', phone: 'Phone', siret: 'SIRET', city: 'City', received: 'Received' },
  activationSubject: 'Activate your {site} business account',
  activationBody: ['Good news: the business account of {company} is open.', 'To sign in, choose your password with this link:'],
  activationButton: 'Choose my password',
  activationExpiry: 'This link works once, until {date}.',
  activationIgnore: 'If you did not ask for this account, ignore this message.',
};

/** The e-mail wording of `locale`. */
export function mailTexts(locale: BuiltInLocale): MailTexts {
  return locale === 'fr' ? fr : en;
}

/** Replaces `{name}` placeholders; a value is inserted as text, never re-scanned. */
export function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? (params[name] as string) : whole));
}
