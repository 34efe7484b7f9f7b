import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** La comprobación antirrobots, en español: el widget del formulario, el mensaje tras un rechazo, el ajuste del editor. */
export const botCheck = {
  widget: {
    label: 'Comprobación antirrobots',
    verifying: 'Comprobando que no es un robot…',
    verified: 'Comprobación antirrobots hecha',
    verificationRequired: 'Espere a que termine la comprobación antirrobots.',
    waitAlert: 'Comprobando… espere, por favor.',
    error: 'La comprobación antirrobots ha fallado. Inténtelo de nuevo.',
    expired: 'La comprobación antirrobots ha caducado. Vuelve a empezar.',
    loading: 'Cargando…',
    reload: 'Empezar de nuevo',
    verify: 'Comprobar',
    cancel: 'Cancelar',
    enterCode: 'Escriba el código',
    enterCodeAria: 'Escriba el código que oye. Pulse Espacio para reproducir el sonido.',
    enterCodeFromImage: 'Para continuar, escriba el código de la imagen de abajo.',
    getAudioChallenge: 'Escuchar el código en su lugar',
  },
  refused: 'Hay que repetir la comprobación antirrobots. Vuelve a empezar sola: envíe el formulario cuando indique que está hecha.',
  setting: 'Comprobación antirrobots (prueba de trabajo)',
  settingHelp: 'Antes del envío, el navegador del visitante resuelve un pequeño cálculo (un segundo aproximadamente): sin cookie ni servicio externo. El servidor necesita una clave para ello (ALTCHA_HMAC_KEY en la demo).',
} satisfies Table<typeof en>;
