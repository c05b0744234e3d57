import type { AssistantCatalog } from './en.js';

/** The assistant's replies in French. */
export const fr: AssistantCatalog = {
  yes: 'Oui',
  no: 'Non',
  handover:
    'Je ne peux pas résoudre cela moi-même, je vais donc transmettre votre demande à une personne. Quelques questions d’abord.',
  handoverForm:
    'Je ne peux pas résoudre cela moi-même. Veuillez utiliser le formulaire pour joindre une personne.',
  glad: 'Ravi que cela ait aidé. Autre chose ?',
  error:
    'Un problème est survenu de mon côté. Veuillez réessayer ou utiliser le formulaire.',
  articles: 'Ces articles peuvent vous aider :',
  solvedQuestion: 'L’un d’eux a-t-il résolu le problème ?',
  yesSolved: 'Oui, c’est résolu',
  stillNeedHelp: 'Non, j’ai encore besoin d’aide',
  notSure:
    'Je ne suis pas sûr d’avoir compris. Je peux vous aider pour ceci, ou ouvrir un ticket pour une personne :',
  talkToPerson: 'Parler à une personne',
  'flow.ticket-status': 'État de mon ticket',
  'flow.password-reset': 'Réinitialiser mon mot de passe',
  'flow.opening-hours': 'Horaires d’ouverture',
  'flow.collect-ticket': 'Ouvrir un ticket',
  resetOffer:
    'Vous pouvez réinitialiser votre mot de passe vous-même sur cette page :',
  resetLabel: 'Réinitialiser votre mot de passe',
  resetCheck: 'Cela a-t-il fonctionné ?',
  resetSolved: 'Ravi que cela ait fonctionné.',
  answerYesNo: 'Répondez par oui ou par non, s’il vous plaît.',
  askRef:
    'Quelle est la référence du ticket ? Elle ressemble à T-1042 et figure dans la confirmation que vous avez reçue.',
  notShown:
    'Je n’ai trouvé aucun ticket {ref} que je puisse vous montrer ici. Pour protéger votre vie privée, je ne montre un ticket qu’à son demandeur : ouvrez-le depuis Mes demandes, ou connectez-vous d’abord au site.',
  latest: 'Vos dernières demandes :',
  noRequests:
    'Vous n’avez encore aucune demande chez nous. Si quelque chose ne va pas, dites-moi simplement ce qui s’est passé.',
  statusLine: '{ref} « {subject} » : {status} (mis à jour le {date})',
  lookupFailed:
    'Je n’ai pas pu vérifier cela pour le moment ; veuillez réessayer dans un instant.',
  alwaysOpen: 'Nous sommes ouverts 24 heures sur 24.',
  everyDay: 'Tous les jours, 24 heures sur 24.',
  closedDay: 'fermé',
  openUntil: 'Nous sommes ouverts jusqu’à {until} (heure {zone}).',
  closedUntil: 'Nous sommes fermés. Nous rouvrons le {from} (heure {zone}).',
  closedWeeks:
    'Nous sommes fermés pour les trois prochaines semaines ({zone}).',
  closedOn: 'Fermé le {days}.',
  askSubject: 'En une ligne, quel est le problème ?',
  askDescription:
    'Décrivez-le : que s’est-il passé, depuis quand, et qu’avez-vous déjà essayé ?',
  askDetails:
    'Voulez-vous ajouter quelque chose : depuis quand, et qu’avez-vous déjà essayé ? Vous pouvez aussi passer cette étape.',
  askEmail: 'À quelle adresse e-mail devons-nous répondre ?',
  askChoice: 'Laquelle de ces options convient le mieux ?',
  askField: '{label} ?',
  askDate: 'Veuillez écrire la date au format AAAA-MM-JJ (YYYY-MM-DD).',
  chooseOne: 'Veuillez choisir l’une des options.',
  skip: 'Passer',
  tryAgain: 'Veuillez réessayer.',
  confirm:
    'Dois-je ouvrir un ticket au sujet de « {subject} » ? Cette conversation y sera jointe.',
  openTicket: 'Ouvrir le ticket',
  cancel: 'Annuler',
  cancelled: 'D’accord, je n’ai rien envoyé.',
  invalidTicket:
    'Je n’ai pas pu constituer ce ticket ({error}). Veuillez plutôt utiliser le formulaire.',
  created:
    'J’ai ouvert le ticket {ref} pour vous, avec cette conversation jointe. Une personne vous répondra là-bas.',
  createFailed:
    'Je n’ai pas pu ouvrir le ticket : {error}. Veuillez essayer le formulaire.',
  invalidEmail:
    'Ce n’est pas une adresse e-mail que je peux utiliser. Écrivez-la comme nom@example.com.',
  answerEmpty: 'Veuillez écrire une réponse.',
  answerTooLong: 'C’est trop long : {max} caractères au plus, s’il vous plaît.',
  answerControl:
    'Cela contient des caractères que je ne peux pas accepter. Veuillez le saisir à nouveau.',
  mustBeYes: 'Il faut répondre Oui pour ouvrir un ticket.',
  aboutField: '{label} : {message}',
  switching: 'Je réponds d’abord à cela ({flow}).',
  resume: 'Revenons maintenant à notre question :',
  offerSwitch:
    'Cela ressemble à une autre demande ({flow}). Voulez-vous que j’y réponde d’abord ? Vos réponses sont conservées.',
  switchYes: 'Oui, d’abord cela',
  switchNo: 'Non, c’est ma réponse',
};
