import type { Messages } from './en.js';

/** Spanish. */
const es: Messages = {
  status: {
    new: 'Recibida',
    open: 'Abierta',
    assigned: 'Asignada a un técnico',
    in_progress: 'En curso',
    pending: 'En espera',
    resolved: 'Resuelta',
    closed: 'Cerrada',
    cancelled: 'Cancelada',
    merged: 'Unida a otra solicitud',
  },
  pending: {
    requester: 'Esperando tu respuesta',
    vendor: 'Esperando a un proveedor',
    change: 'Esperando un cambio programado',
    problem: 'Vinculada a un problema conocido que se está corrigiendo',
  },
  categories: {
    Hardware: 'Equipos',
    Software: 'Programas',
    Network: 'Red',
    'Accounts and access': 'Cuentas y accesos',
    Email: 'Correo electrónico',
    Printing: 'Impresión',
    Other: 'Otro',
  },
  errors: {
    NETWORK_ERROR:
      'No se pudo contactar con el soporte. Comprueba tu conexión y vuelve a intentarlo.',
    BAD_RESPONSE:
      'El soporte envió una respuesta que el formulario no puede leer.',
    HTTP_ERROR: 'El soporte respondió con el error {status}.',
    RATE_LIMITED:
      'Demasiadas solicitudes. Espera un minuto y vuelve a intentarlo.',
    UNAUTHENTICATED: 'Este navegador ya no puede abrir esta solicitud.',
    FORBIDDEN: 'Este navegador ya no puede abrir esta solicitud.',
    NOT_FOUND: 'El soporte no conoce esta solicitud.',
    PAYLOAD_TOO_LARGE: 'Es demasiado para enviarlo de una vez.',
    REOPEN_WINDOW_CLOSED: 'Esta solicitud ya no se puede reabrir.',
    INTERNAL_ERROR:
      'El soporte tuvo un problema. Vuelve a intentarlo más tarde.',
    STORAGE_FAILED:
      'El soporte tuvo un problema. Vuelve a intentarlo más tarde.',
    VALIDATION_FAILED: 'Hay campos que revisar.',
    UNEXPECTED: 'Algo salió mal. Vuelve a intentarlo.',
  },
  issues: {
    required: 'Rellena este campo.',
    tooLong: 'Como máximo {max} caracteres.',
    email: 'Escribe un correo como nombre@example.com.',
    control: 'Quita los caracteres de control invisibles.',
    invalid: 'Este valor no es válido.',
  },
  helpDesk: 'Soporte',
  noEndpoint:
    'Este formulario de soporte no tiene el atributo endpoint, así que no puede enviar nada.',
  newRequest: 'Nueva solicitud',
  myRequests: 'Mis solicitudes',
  myRequestsCount: 'Mis solicitudes ({count})',
  askForHelp: 'Pedir ayuda',
  subject: 'Asunto',
  description: 'Descripción',
  category: 'Categoría',
  optional: '(opcional)',
  notSure: 'No lo sé',
  email: 'Tu correo electrónico',
  name: 'Tu nombre',
  sending: 'Enviando…',
  submit: 'Enviar solicitud',
  received: 'Solicitud recibida',
  yourReference:
    'Tu número de referencia es {ref}. Indícalo cuando contactes con el soporte.',
  notSaved:
    'Este navegador no guardó la solicitud, así que no aparecerá en «Mis solicitudes» cuando salgas de la página. Anota la referencia.',
  viewRequest: 'Ver esta solicitud',
  submitAnother: 'Enviar otra solicitud',
  noRequests: 'Todavía no hay solicitudes desde este navegador.',
  couldNotLoad: 'No se pudo cargar: {message}',
  back: 'Volver a mis solicitudes',
  forget: 'Quitar de este dispositivo',
  loading: 'Cargando…',
  statusLabel: 'Estado:',
  resolution: 'Solución',
  conversation: 'Conversación',
  noMessages: 'Todavía no hay mensajes.',
  support: 'Soporte',
  you: 'Tú',
  firstAnswerBy: 'Primera respuesta prevista antes del {date}',
  nextAnswerBy: 'Próxima respuesta prevista antes del {date}',
  resolutionBy: 'Solución prevista antes del {date}',
  replyReopens: 'Si respondes, esta solicitud se reabre.',
  replyClosed:
    'Esta solicitud está cerrada; una respuesta puede abrir una nueva.',
  yourReply: 'Tu respuesta',
  writeReply: 'Escribe una respuesta.',
  sendReply: 'Enviar respuesta',
  fixFields: 'Corrige los campos marcados.',
  submitted: 'Solicitud enviada. Tu referencia es {ref}.',
  nowStatus: '{ref} ahora está: {status}.',
  newReply: 'Nueva respuesta del soporte en {ref}.',
  replySent: 'Respuesta enviada.',
  followUp:
    '{from} está cerrada, así que tu respuesta abrió una nueva solicitud: {ref}.',
  forgotten: '{ref} se quitó de este navegador.',
};

export default es;
