import type { Table } from '../../table.js';
import type { botCheckWidget as en } from '../en/botCheckWidget.js';

/** La vérification anti-robot dans le formulaire, en français : les mots du widget et le message après un refus. */
export const botCheckWidget = {
  widget: {
    label: 'Vérification anti-robot',
    verifying: 'Vérification que vous n’êtes pas un robot…',
    verified: 'Vérification anti-robot faite',
    verificationRequired: 'Attendez la fin de la vérification anti-robot.',
    waitAlert: 'Vérification… veuillez patienter.',
    error: 'La vérification anti-robot a échoué. Réessayez.',
    expired: 'La vérification anti-robot a expiré. Elle recommence.',
    loading: 'Chargement…',
    reload: 'Recommencer',
    verify: 'Vérifier',
    cancel: 'Annuler',
    enterCode: 'Saisissez le code',
    enterCodeAria: 'Saisissez le code entendu. Appuyez sur Espace pour écouter le son.',
    enterCodeFromImage: 'Pour continuer, saisissez le code de l’image ci-dessous.',
    getAudioChallenge: 'Écouter le code à la place',
  },
  refused: 'La vérification anti-robot doit être refaite. Elle recommence d’elle-même : envoyez le formulaire quand elle indique qu’elle est faite.',
  insecure: 'Cette page n’est pas sécurisée (HTTPS) : la vérification anti-robot ne peut pas s’y faire et le formulaire ne peut pas être envoyé d’ici. Merci de le signaler à l’équipe du site.',
} satisfies Table<typeof en>;
