import type { Table } from '../../table.js';
import type { botCheckWidget as en } from '../en/botCheckWidget.js';

/** La comprobación antirrobots en el formulario, en español: las palabras del widget y el mensaje tras un rechazo. */
export const botCheckWidget = {
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
  insecure: 'Esta página no es segura (HTTPS): la comprobación antirrobots no puede hacerse y el formulario no puede enviarse desde aquí. Avise al equipo del sitio, por favor.',
} satisfies Table<typeof en>;
