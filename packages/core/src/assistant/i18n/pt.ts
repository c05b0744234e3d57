import type { AssistantCatalog } from './en.js';

/** The assistant's replies in Portuguese. */
export const pt: AssistantCatalog = {
  yes: 'Sim',
  no: 'Não',
  handover:
    'Não consigo resolver isto sozinho, por isso vou passar a uma pessoa. Primeiro, algumas perguntas.',
  handoverForm:
    'Não consigo resolver isto sozinho. Use o formulário para falar com uma pessoa.',
  glad: 'Que bom que ajudou. Mais alguma coisa?',
  error: 'Algo deu errado do meu lado. Tente novamente ou use o formulário.',
  articles: 'Estes artigos podem ajudar:',
  solvedQuestion: 'Algum deles resolveu o problema?',
  yesSolved: 'Sim, resolvido',
  stillNeedHelp: 'Não, ainda preciso de ajuda',
  notSure:
    'Não tenho certeza de ter entendido. Posso ajudar com isto, ou abrir um ticket para uma pessoa:',
  talkToPerson: 'Falar com uma pessoa',
  'flow.ticket-status': 'Estado do meu ticket',
  'flow.password-reset': 'Redefinir a minha senha',
  'flow.opening-hours': 'Horário de atendimento',
  'flow.collect-ticket': 'Abrir um ticket',
  resetOffer: 'Você mesmo pode redefinir a sua senha nesta página:',
  resetLabel: 'Redefinir a sua senha',
  resetCheck: 'Funcionou?',
  resetSolved: 'Que bom que funcionou.',
  answerYesNo: 'Responda sim ou não, por favor.',
  askRef:
    'Qual é a referência do ticket? Ela se parece com T-1042 e está na confirmação que você recebeu.',
  notShown:
    'Não encontrei nenhum ticket {ref} que eu possa mostrar aqui. Para proteger a sua privacidade, só mostro um ticket a quem o abriu: abra-o em Os meus pedidos ou entre no site primeiro.',
  latest: 'Os seus pedidos mais recentes:',
  noRequests:
    'Você ainda não tem nenhum pedido conosco. Se algo não estiver funcionando, conte-me o que aconteceu.',
  statusLine: '{ref} “{subject}”: {status} (atualizado em {date})',
  lookupFailed:
    'Não consegui consultar isso agora; tente novamente daqui a pouco.',
  alwaysOpen: 'Estamos abertos 24 horas por dia.',
  everyDay: 'Todos os dias, 24 horas por dia.',
  closedDay: 'fechado',
  openUntil: 'Estamos abertos agora, até {until} (horário de {zone}).',
  closedUntil:
    'Estamos fechados agora. Abrimos novamente em {from} (horário de {zone}).',
  closedWeeks: 'Estaremos fechados nas próximas três semanas ({zone}).',
  closedOn: 'Fechado em {days}.',
  askSubject: 'Numa linha, qual é o problema?',
  askDescription:
    'Descreva-o: o que aconteceu, desde quando e o que você já tentou.',
  askDetails:
    'Quer acrescentar algo: desde quando e o que você já tentou? Também pode pular esta etapa.',
  askEmail: 'Para qual endereço de e-mail devemos responder?',
  askChoice: 'Qual destas opções se aplica melhor?',
  askField: '{label}?',
  askDate: 'Escreva a data no formato AAAA-MM-DD (YYYY-MM-DD).',
  chooseOne: 'Escolha uma das opções.',
  skip: 'Pular',
  tryAgain: 'Tente novamente.',
  confirm: 'Abro um ticket sobre “{subject}”? Esta conversa vai junto.',
  openTicket: 'Abrir o ticket',
  cancel: 'Cancelar',
  cancelled: 'Tudo bem, não enviei nada.',
  invalidTicket:
    'Não consegui montar esse ticket ({error}). Use o formulário em vez disso.',
  created:
    'Abri o ticket {ref} para você, com esta conversa anexada. Uma pessoa vai responder lá.',
  createFailed: 'Não consegui abrir o ticket: {error}. Tente o formulário.',
  invalidEmail:
    'Esse não é um endereço de e-mail que eu possa usar. Escreva-o como nome@example.com.',
  answerEmpty: 'Escreva uma resposta, por favor.',
  answerTooLong: 'É longo demais: no máximo {max} caracteres, por favor.',
  answerControl:
    'Contém caracteres que não posso aceitar. Digite novamente, por favor.',
  mustBeYes: 'É preciso responder Sim para abrir um ticket.',
  aboutField: '{label}: {message}',
  switching: 'Vou responder a isso primeiro ({flow}).',
  resume: 'Agora, de volta ao que estávamos:',
  offerSwitch:
    'Isso parece outro pedido ({flow}). Quer que eu responda a ele primeiro? Suas respostas até agora ficam guardadas.',
  switchYes: 'Sim, isso primeiro',
  switchNo: 'Não, essa é minha resposta',
};
