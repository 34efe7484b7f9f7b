import type { Table } from '../../table.js';
import type { form as en } from '../en/form.js';

/** Textos propios del formulario, en español. */
export const form = {
  loading: 'Cargando el formulario…',
  configError: 'Este formulario no se puede mostrar en este momento. Vuelva a intentarlo más tarde.',
  requiredLegend: 'Los campos marcados con * son obligatorios.',
  choose: 'Elija…',
  sending: 'Enviando…',
  retry: 'Reintentar',
  offline: 'No se ha podido enviar la solicitud: parece que no tiene conexión o que el servidor no está accesible.',
  timeout: 'El servidor tarda demasiado en responder.',
  serverError: 'Se ha producido un problema en el servidor.',
  tooManyRequests: 'Se han enviado demasiadas solicitudes.',
  rejected: 'El servidor ha rechazado la solicitud.',
  lost: 'La respuesta del servidor se ha perdido por el camino: si lo vuelve a intentar, su solicitud no se enviará dos veces.',
  kept: 'Los datos introducidos se conservan.',
  canRetry: 'Puede volver a intentarlo.',
  honeypot: 'Deje este campo vacío',
  summary: { one: '{count} campo necesita corrección.', other: '{count} campos necesitan corrección.' },
  retryIn: 'Podrá volver a intentarlo dentro de {wait}.',
  retrying: 'Nuevo intento dentro de {wait}…',
  retryingNow: 'Nuevo intento…',
} satisfies Table<typeof en>;
