import type { Table } from '../../table.js';
import type { mail as en } from '../en/mail.js';

/** Los correos electrónicos, en español. */
export const mail = {
  greeting: 'Buenos días:',
  signature: 'El equipo de {site}',
  confirmationSubject: 'Hemos recibido su solicitud de cuenta de empresa',
  confirmationBody: [
    'Gracias: hemos recibido la solicitud de apertura de una cuenta de empresa para {company}.',
    'Nuestro equipo comercial la está revisando y le escribirá en cuanto esté tramitada.',
  ],
  alertSubject: 'Nueva solicitud de cuenta de empresa: {company}',
  alertIntro: 'Una nueva solicitud de apertura de cuenta está pendiente de tramitar.',
  alertOpen: 'Abrir la solicitud',
  labels: {
    contact: 'Contacto',
    received: 'Recibida el',
  },
  activationSubject: 'Active su cuenta de empresa {site}',
  activationBody: ['Buenas noticias: la cuenta de empresa de {company} ya está abierta.', 'Para iniciar sesión, elija su contraseña con este enlace:'],
  activationButton: 'Elegir mi contraseña',
  activationExpiry: 'Este enlace solo funciona una vez, hasta el {date}.',
  activationIgnore: 'Si no ha solicitado esta cuenta, ignore este mensaje.',
} satisfies Table<typeof en>;
