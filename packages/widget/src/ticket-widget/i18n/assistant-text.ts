/**
 * The words of the assistant's screen, in every language of the widget.
 * Only the assistant's chunk imports this file, so none of it weighs on
 * the main file or on the language chunks. What shows before the chunk
 * is here stays in the language files: `assistant.open` (the nav
 * button), `assistant.heading` and `assistant.loading`.
 */
import type { Lang } from './locale.js';

/** What the assistant's screen says. */
export interface AssistantText {
  /** Who answers, above each of its messages. */
  name: string;
  /** The requester, above their messages. */
  you: string;
  /** The first message, before the requester says anything. */
  greeting: string;
  /** The name of the conversation list. */
  log: string;
  /** The message box's label. */
  yourMessage: string;
  /** Sends the message. */
  send: string;
  /** Shown while an answer is on its way. */
  thinking: string;
  /** Starts a new conversation. */
  restart: string;
  /** The server took no more messages in this conversation. */
  tooLong: string;
}

/** Every language has exactly these keys: the compiler checks each. */
export const ASSISTANT_TEXT: Record<Lang, AssistantText> = {
  en: {
    name: 'Assistant',
    you: 'You',
    greeting:
      'Hello! What can I help you with? Describe the problem, or ask about a request, your password or our opening hours.',
    log: 'Conversation with the assistant',
    yourMessage: 'Your message',
    send: 'Send',
    thinking: 'The assistant is answering…',
    restart: 'Start over',
    tooLong:
      'This conversation is too long to go on. Start over, or use the New request form.',
  },
  de: {
    name: 'Assistent',
    you: 'Sie',
    greeting:
      'Hallo! Wobei kann ich helfen? Beschreiben Sie das Problem oder fragen Sie nach einer Anfrage, Ihrem Passwort oder unseren Öffnungszeiten.',
    log: 'Unterhaltung mit dem Assistenten',
    yourMessage: 'Ihre Nachricht',
    send: 'Senden',
    thinking: 'Der Assistent antwortet…',
    restart: 'Neu beginnen',
    tooLong:
      'Dieses Gespräch ist zu lang, um es fortzusetzen. Beginnen Sie neu oder nutzen Sie das Formular „Neue Anfrage“.',
  },
  fr: {
    name: 'Assistant',
    you: 'Vous',
    greeting:
      'Bonjour ! Comment puis-je vous aider ? Décrivez le problème, ou posez une question sur une demande, votre mot de passe ou nos horaires.',
    log: 'Conversation avec l’assistant',
    yourMessage: 'Votre message',
    send: 'Envoyer',
    thinking: 'L’assistant répond…',
    restart: 'Recommencer',
    tooLong:
      'Cette conversation est trop longue pour continuer. Recommencez ou utilisez le formulaire « Nouvelle demande ».',
  },
  es: {
    name: 'Asistente',
    you: 'Usted',
    greeting:
      '¡Hola! ¿En qué puedo ayudarle? Describa el problema o pregunte por una solicitud, su contraseña o nuestro horario.',
    log: 'Conversación con el asistente',
    yourMessage: 'Su mensaje',
    send: 'Enviar',
    thinking: 'El asistente está respondiendo…',
    restart: 'Empezar de nuevo',
    tooLong:
      'Esta conversación es demasiado larga para continuar. Empiece de nuevo o use el formulario «Nueva solicitud».',
  },
  pt: {
    name: 'Assistente',
    you: 'Você',
    greeting:
      'Olá! Como posso ajudar? Descreva o problema ou pergunte sobre uma solicitação, sua senha ou nosso horário de atendimento.',
    log: 'Conversa com o assistente',
    yourMessage: 'Sua mensagem',
    send: 'Enviar',
    thinking: 'O assistente está respondendo…',
    restart: 'Recomeçar',
    tooLong:
      'Esta conversa ficou longa demais para continuar. Recomece ou use o formulário “Nova solicitação”.',
  },
  ja: {
    name: 'アシスタント',
    you: 'あなた',
    greeting:
      'こんにちは。どのようなご用件でしょうか。問題の内容をお書きいただくか、お問い合わせの状況、パスワード、受付時間についてお尋ねください。',
    log: 'アシスタントとの会話',
    yourMessage: 'メッセージ',
    send: '送信',
    thinking: 'アシスタントが回答しています…',
    restart: '最初からやり直す',
    tooLong:
      'この会話は長くなりすぎたため、続けられません。最初からやり直すか、「新しいお問い合わせ」のフォームをご利用ください。',
  },
  ar: {
    name: 'المساعد',
    you: 'أنت',
    greeting:
      'مرحبًا! كيف يمكنني مساعدتك؟ صِف المشكلة، أو اسأل عن طلب أو عن كلمة المرور أو عن ساعات العمل.',
    log: 'المحادثة مع المساعد',
    yourMessage: 'رسالتك',
    send: 'إرسال',
    thinking: 'المساعد يجيب…',
    restart: 'البدء من جديد',
    tooLong:
      'هذه المحادثة أطول من أن تستمر. ابدأ من جديد أو استخدم نموذج «طلب جديد».',
  },
};
