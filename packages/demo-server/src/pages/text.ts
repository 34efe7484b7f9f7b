/** Languages of the demo pages. */
export type PageLocale = 'fr' | 'en';

/** The page language asked by `?lang=`; French, the shop's own language, otherwise. */
export function pageLocale(value: string | undefined): PageLocale {
  return value === 'en' ? 'en' : 'fr';
}

/** Every text of the demo pages, in each page language. */
export interface PageText {
  readonly shopName: string;
  readonly tagline: string;
  readonly skipLink: string;
  readonly navLabel: string;
  readonly nav: { readonly catalog: string; readonly benefits: string; readonly account: string; readonly contact: string };
  readonly switchLabel: string;
  readonly otherLanguage: string;
  readonly shopTitle: string;
  readonly shopIntro: readonly string[];
  readonly benefitsTitle: string;
  readonly benefits: readonly string[];
  readonly formTitle: string;
  readonly formIntro: string;
  readonly footerContact: string;
  readonly footerAddress: string;
  readonly footerHours: string;
  readonly adminTitle: string;
  readonly adminIntro: string;
  readonly adminRequests: string;
  readonly adminShopLink: string;
  readonly requestsTitle: string;
  readonly requests: {
    readonly caption: (count: number) => string;
    readonly empty: string;
    readonly date: string;
    readonly company: string;
    readonly contact: string;
    readonly email: string;
    readonly phone: string;
    readonly city: string;
  };
  readonly notFoundTitle: string;
  readonly notFoundText: string;
  readonly backHome: string;
}

const fr: PageText = {
  shopName: 'Comptoir Duval',
  tagline: 'Fournitures de bureau et d’atelier pour les professionnels',
  skipLink: 'Aller au contenu',
  navLabel: 'Navigation principale',
  nav: { catalog: 'Catalogue', benefits: 'Nos avantages', account: 'Compte professionnel', contact: 'Contact' },
  switchLabel: 'Langue :',
  otherLanguage: 'English',
  shopTitle: 'Ouvrir un compte professionnel',
  shopIntro: [
    'Vous achetez pour une entreprise, une collectivité ou une association ? Un compte professionnel vous donne accès à nos tarifs négociés, au paiement à 30 jours et à un interlocuteur dédié.',
    'Remplissez la demande ci-dessous : notre service commercial vérifie vos informations et active votre compte, en général sous un jour ouvré. Vous recevez un e-mail dès que c’est fait.',
  ],
  benefitsTitle: 'Ce que vous y gagnez',
  benefits: [
    'Prix dégressifs selon vos volumes',
    'Paiement par virement à 30 jours fin de mois',
    'Factures et bons de livraison dans votre espace client',
    'Livraison offerte dès 150 € HT',
  ],
  formTitle: 'Votre demande',
  formIntro: 'Vos données servent uniquement à l’ouverture et à la gestion de votre compte.',
  footerContact: 'Service clients : 01 23 45 67 89, du lundi au vendredi',
  footerAddress: 'Comptoir Duval, 12 rue des Artisans, 69003 Lyon',
  footerHours: 'Site de démonstration : aucune commande n’est réelle.',
  adminTitle: 'Administration : formulaire de demande de compte',
  adminIntro: 'Choisissez les champs affichés et obligatoires, changez leur ordre (glisser-déposer ou flèches du clavier sur la poignée), puis enregistrez. L’aperçu montre le formulaire tel que vos clients le verront.',
  adminRequests: 'Demandes reçues (JSON)',
  adminShopLink: 'Voir la page publique',
  requestsTitle: 'Dernières demandes reçues',
  requests: {
    caption: (count) => (count === 1 ? 'La demande la plus récente' : `Les ${count} demandes les plus récentes`),
    empty: 'Aucune demande pour l’instant.',
    date: 'Reçue le',
    company: 'Raison sociale',
    contact: 'Contact',
    email: 'E-mail',
    phone: 'Téléphone',
    city: 'Ville',
  },
  notFoundTitle: 'Page introuvable',
  notFoundText: 'Cette adresse ne correspond à aucune page du site.',
  backHome: 'Retour à l’accueil',
};

const en: PageText = {
  shopName: 'Comptoir Duval',
  tagline: 'Office and workshop supplies for professionals',
  skipLink: 'Skip to content',
  navLabel: 'Main navigation',
  nav: { catalog: 'Catalogue', benefits: 'Benefits', account: 'Business account', contact: 'Contact' },
  switchLabel: 'Language:',
  otherLanguage: 'Français',
  shopTitle: 'Open a business account',
  shopIntro: [
    'Buying for a company, a public body or a non-profit? A business account gives you our negotiated prices, 30-day payment terms and a dedicated contact person.',
    'Fill in the request below: our sales team checks your details and activates your account, usually within one working day. You get an e-mail as soon as it is done.',
  ],
  benefitsTitle: 'What you get',
  benefits: [
    'Volume-based pricing',
    'Bank transfer payment, 30 days end of month',
    'Invoices and delivery notes in your customer area',
    'Free delivery from €150 excl. VAT',
  ],
  formTitle: 'Your request',
  formIntro: 'Your data is only used to open and manage your account.',
  footerContact: 'Customer service: +33 1 23 45 67 89, Monday to Friday',
  footerAddress: 'Comptoir Duval, 12 rue des Artisans, 69003 Lyon, France',
  footerHours: 'Demo site: no order is real.',
  adminTitle: 'Administration: account request form',
  adminIntro: 'Choose which fields are displayed and required, reorder them (drag and drop, or the arrow keys on a handle), then save. The preview shows the form as your customers will see it.',
  adminRequests: 'Received requests (JSON)',
  adminShopLink: 'See the public page',
  requestsTitle: 'Latest requests',
  requests: {
    caption: (count) => (count === 1 ? 'The latest request' : `The ${count} latest requests`),
    empty: 'No request yet.',
    date: 'Received',
    company: 'Company',
    contact: 'Contact',
    email: 'E-mail',
    phone: 'Phone',
    city: 'City',
  },
  notFoundTitle: 'Page not found',
  notFoundText: 'This address matches no page of the site.',
  backHome: 'Back to the home page',
};

/** The texts of one page language. */
export function pageText(locale: PageLocale): PageText {
  return locale === 'en' ? en : fr;
}
