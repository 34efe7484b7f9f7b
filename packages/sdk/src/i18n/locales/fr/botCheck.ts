import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** La vérification anti-robot, en français : le widget du formulaire, le message après un refus, le réglage de l’éditeur. */
export const botCheck = {
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
  setting: 'Vérification anti-robot (preuve de travail)',
  settingHelp: 'Avant l’envoi, le navigateur du visiteur résout un petit calcul (environ une seconde) : sans cookie ni service extérieur. Le serveur doit avoir une clé pour cela (ALTCHA_HMAC_KEY dans la démo).',
} satisfies Table<typeof en>;
