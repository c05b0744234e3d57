import type { AssistantCatalog } from './en.js';

/** The assistant's replies in Spanish. */
export const es: AssistantCatalog = {
  yes: 'Sí',
  no: 'No',
  handover:
    'No puedo resolver esto por mi cuenta, así que se lo pasaré a una persona. Antes, unas preguntas.',
  handoverForm:
    'No puedo resolver esto por mi cuenta. Use el formulario para contactar con una persona.',
  glad: 'Me alegra que le haya servido. ¿Algo más?',
  error:
    'Algo ha fallado por mi parte. Inténtelo de nuevo o use el formulario.',
  articles: 'Estos artículos pueden ayudarle:',
  solvedQuestion: '¿Alguno de ellos lo ha resuelto?',
  yesSolved: 'Sí, resuelto',
  stillNeedHelp: 'No, todavía necesito ayuda',
  notSure:
    'No estoy seguro de haberle entendido. Puedo ayudarle con esto, o abrir un ticket para una persona:',
  talkToPerson: 'Hablar con una persona',
  'flow.ticket-status': 'Estado de mi ticket',
  'flow.password-reset': 'Restablecer mi contraseña',
  'flow.opening-hours': 'Horario de atención',
  'flow.collect-ticket': 'Abrir un ticket',
  resetOffer: 'Puede restablecer su contraseña usted mismo en esta página:',
  resetLabel: 'Restablecer su contraseña',
  resetCheck: '¿Ha funcionado?',
  resetSolved: 'Me alegra que haya funcionado.',
  answerYesNo: 'Responda sí o no, por favor.',
  askRef:
    '¿Cuál es la referencia del ticket? Tiene el aspecto de T-1042 y aparece en la confirmación que recibió.',
  notShown:
    'No he encontrado ningún ticket {ref} que pueda mostrarle aquí. Por su privacidad, solo muestro un ticket a quien lo solicitó: ábralo desde Mis solicitudes o inicie sesión primero en el sitio.',
  latest: 'Sus últimas solicitudes:',
  noRequests:
    'Todavía no tiene ninguna solicitud con nosotros. Si algo no funciona, cuénteme qué ha pasado.',
  statusLine: '{ref} «{subject}»: {status} (actualizado el {date})',
  lookupFailed:
    'No he podido consultarlo ahora mismo; inténtelo de nuevo en un momento.',
  alwaysOpen: 'Estamos abiertos las 24 horas.',
  everyDay: 'Todos los días, las 24 horas.',
  closedDay: 'cerrado',
  openUntil: 'Ahora estamos abiertos, hasta el {until} (hora de {zone}).',
  closedUntil:
    'Ahora estamos cerrados. Volvemos a abrir el {from} (hora de {zone}).',
  closedWeeks: 'Estamos cerrados las próximas tres semanas ({zone}).',
  closedOn: 'Cerrado el {days}.',
  askSubject: 'En una línea, ¿cuál es el problema?',
  askDescription:
    'Descríbalo: qué ha pasado, desde cuándo y qué ha probado ya.',
  askDetails:
    '¿Quiere añadir algo: desde cuándo y qué ha probado ya? También puede omitir este paso.',
  askEmail: '¿A qué dirección de correo debemos responder?',
  askChoice: '¿Cuál de estas opciones encaja mejor?',
  askField: '¿{label}?',
  askDate: 'Escriba la fecha con el formato AAAA-MM-DD (YYYY-MM-DD).',
  chooseOne: 'Elija una de las opciones.',
  skip: 'Omitir',
  tryAgain: 'Inténtelo de nuevo.',
  confirm: '¿Abro un ticket sobre «{subject}»? Esta conversación se adjuntará.',
  openTicket: 'Abrir el ticket',
  cancel: 'Cancelar',
  cancelled: 'De acuerdo, no he enviado nada.',
  invalidTicket:
    'No he podido preparar ese ticket ({error}). Use el formulario en su lugar.',
  created:
    'He abierto el ticket {ref} para usted, con esta conversación adjunta. Una persona le responderá allí.',
  createFailed: 'No he podido abrir el ticket: {error}. Pruebe el formulario.',
  invalidEmail:
    'Esa no es una dirección de correo que pueda usar. Escríbala como nombre@example.com.',
  answerEmpty: 'Escriba una respuesta, por favor.',
  answerTooLong: 'Es demasiado largo: {max} caracteres como máximo, por favor.',
  answerControl:
    'Contiene caracteres que no puedo aceptar. Escríbalo de nuevo, por favor.',
  mustBeYes: 'Aquí hace falta un Sí para abrir un ticket.',
  aboutField: '{label}: {message}',
  switching: 'Primero respondo a eso ({flow}).',
  resume: 'Ahora, volvamos a lo que estábamos:',
  offerSwitch:
    'Eso parece otra consulta ({flow}). ¿Quiere que la responda primero? Sus respuestas se conservan.',
  switchYes: 'Sí, primero eso',
  switchNo: 'No, esa es mi respuesta',
};
