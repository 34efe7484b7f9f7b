import type { Table } from '../../table.js';
import type { checks as en } from '../en/checks.js';

/** Los textos de las comprobaciones de una solicitud guardada (NIF-IVA en VIES, SIRET en el registro), para la administración. */
export const checks = {
  title: 'Comprobaciones de la empresa',
  vatTitle: 'Comprobación del NIF-IVA (VIES)',
  vat: {
    pending: 'Comprobación del IVA pendiente',
    valid: 'NIF-IVA válido',
    invalid: 'NIF-IVA no válido',
    unavailable: 'VIES no disponible',
    'not-applicable': 'Ningún NIF-IVA que comprobar',
  },
  vatFilter: 'Comprobación del IVA',
  checkedAt: 'Comprobado el {date}',
  consultationNumber: 'Número de consulta de VIES',
  registeredName: 'Nombre registrado en VIES',
  registeredAddress: 'Dirección registrada en VIES',
  retrying: 'VIES no ha respondido para este país; la comprobación se repite automáticamente.',
  retriesOver: 'VIES no ha respondido para este país y los reintentos automáticos han terminado: use «Volver a comprobar» para preguntar de nuevo.',
  requesterRefused: 'VIES rechaza el solicitante que declara este servidor (su ajuste VIES_REQUESTER): no se puede comprobar ningún número de IVA hasta que el operador lo corrija. La comprobación no se repite; use «Volver a comprobar» una vez corregido.',
  nameMismatch: 'El nombre registrado en VIES, «{name}», no coincide con el nombre de empresa introducido.',
  siretTitle: 'Comprobación del número SIRET (registro de empresas)',
  siret: {
    pending: 'Comprobación en el registro pendiente',
    open: 'Establecimiento abierto',
    closed: 'Establecimiento cerrado',
    'not-found': 'SIRET ausente del registro',
    unavailable: 'Registro no disponible',
    'not-applicable': 'Ningún número SIRET que comprobar',
  },
  registerName: 'Nombre en el registro de empresas',
  closedWarning: 'Según el registro de empresas, este establecimiento está cerrado.',
  checkAgain: 'Volver a comprobar',
  checkedAgain: 'Se han vuelto a realizar las comprobaciones.',
} satisfies Table<typeof en>;
