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
    approval: 'Esperando una aprobación',
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
    required: 'Este campo es obligatorio.',
    tooLong: 'Como máximo {max} caracteres.',
    email: 'Escribe un correo como nombre@example.com.',
    control: 'Quita los caracteres de control invisibles.',
    direction:
      'Quita los caracteres invisibles que invierten la dirección del texto.',
    invalid: 'Este valor no es válido.',
  },
  helpDesk: 'Soporte',
  closeHelpDesk: 'Cerrar el soporte',
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
  filedFor: 'Sesión iniciada: esta solicitud se enviará a nombre de {who}.',
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
  noRequestsYet: 'Todavía no tienes solicitudes.',
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
  sendReply: 'Enviar respuesta',
  fixFields: 'Corrige los campos marcados.',
  submitted: 'Solicitud enviada. Tu referencia es {ref}.',
  nowStatus: '{ref} ahora está: {status}.',
  newReply: 'Nueva respuesta del soporte en {ref}.',
  replySent: 'Respuesta enviada.',
  followUp:
    '{from} está cerrada, así que tu respuesta abrió una nueva solicitud: {ref}.',
  forgotten: '{ref} se quitó de este navegador.',
  tracking: {
    decisionHeading: '¿Se ha resuelto tu problema?',
    accept: 'Sí, cerrar la solicitud',
    reject: 'No, no está resuelto',
    reopenUntil: 'Puedes reabrirla hasta el {date}.',
    windowClosed: 'Esta solicitud ya no se puede reabrir.',
    rejectReason: '¿Qué sigue sin funcionar?',
    rejectReasonHint: 'El soporte lo verá cuando se reabra la solicitud.',
    rejectReasonRequired:
      'Cuenta qué sigue sin funcionar para que el soporte pueda ayudarte.',
    reopen: 'Reabrir la solicitud',
    cancel: 'Cancelar',
    working: 'Enviando…',
    accepted: '{ref}: gracias. La solicitud está cerrada.',
    reopened: '{ref} está abierta de nuevo.',
    ratingHeading: 'Valora la ayuda que recibiste',
    ratingLegend: 'Tu valoración',
    stars: [
      '1 estrella: muy mala',
      '2 estrellas: mala',
      '3 estrellas: regular',
      '4 estrellas: buena',
      '5 estrellas: excelente',
    ],
    ratingComment: 'Comentario',
    ratingRequired: 'Elige de 1 a 5 estrellas.',
    rated: 'Le diste un {rating} de 5.',
    rate: 'Enviar valoración',
    rerate: 'Cambiar valoración',
    ratingSent: 'Gracias por tu valoración de {rating} de 5.',
    replyReopensClosed: 'Esta solicitud está cerrada; si respondes, se reabre.',
    replyOpensNew:
      'Esta solicitud está cerrada; una respuesta abre una nueva solicitud vinculada a ella.',
    closedNoReply:
      'Esta solicitud está cerrada. Si necesitas volver a consultarla, envía una nueva solicitud.',
    conflict:
      'Esta solicitud cambió mientras la mirabas. Revísala y vuelve a intentarlo.',
    identifiedAs:
      'Sesión iniciada como {email}: tus solicitudes desde todos tus dispositivos.',
    identityFailed: 'No se pudieron cargar tus solicitudes: {message}',
  },
  submitting: {
    attachments: 'Archivos adjuntos',
    choose: 'Elige…',
    attachHint:
      'Hasta {count} archivos de {size} como máximo cada uno: {types}',
    uploading: 'Subiendo archivos adjuntos',
    tooBig: '{name} ocupa más de {size}',
    badType: '{name} no es de un tipo que acepte este formulario',
    badName:
      '{name}: cambia el nombre del archivo (de 1 a 200 caracteres, sin caracteres invisibles) y vuelve a adjuntarlo',
    tooMany: 'Adjunta como máximo {count} archivos',
    uploadFailed: 'No se pudo subir {name}: {message}',
    queued:
      'Guardada en este dispositivo. Se enviará cuando vuelvas a tener conexión.',
    sentLater: 'Se envió tu solicitud guardada. Tu referencia es {ref}.',
    droppedLater: 'No se pudo enviar una solicitud guardada: {message}',
  },
  assistant: {
    open: 'Asistente',
    heading: 'Preguntar al asistente',
    loading: 'Cargando el asistente…',
  },
  sizes: {
    bytes: '{n} B',
    kilobytes: '{n} KB',
    megabytes: '{n} MB',
  },
};

export default es;
