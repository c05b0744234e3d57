/**
 * The words of the suggested answers, in every language of the widget.
 * Only the suggestions chunk imports this file, so none of it weighs on
 * the main file or on the language chunks.
 */
import type { Lang } from './locale.js';

/** What the suggestions panel says. */
export interface SuggestionsText {
  heading: string;
  intro: string;
  /** The title of a similar request's resolution. */
  resolution: string;
  solved: string;
  needHelp: string;
  thanks: string;
  /** Announced when one suggestion appears. */
  foundOne: string;
  /** Announced when two appear (Arabic has a dual form). */
  foundTwo: string;
  /** Announced when more appear; `{n}` is how many. */
  found: string;
  /** Opens an article in the panel (its words: article-text.ts). */
  read: string;
}

/** Every language has exactly these keys: the compiler checks each. */
export const SUGGESTIONS_TEXT: Record<Lang, SuggestionsText> = {
  en: {
    heading: 'Suggested answers',
    intro: 'These might already answer your question:',
    resolution: 'How a similar request was solved',
    solved: 'This solved it',
    needHelp: 'I still need help',
    thanks: 'Glad that helped! No request was sent.',
    foundOne: 'One suggested answer below the description.',
    foundTwo: '2 suggested answers below the description.',
    found: '{n} suggested answers below the description.',
    read: 'Read the article',
  },
  de: {
    heading: 'Vorgeschlagene Antworten',
    intro: 'Vielleicht beantworten diese Ihre Frage schon:',
    resolution: 'So wurde eine ähnliche Anfrage gelöst',
    solved: 'Das hat geholfen',
    needHelp: 'Ich brauche weiter Hilfe',
    thanks: 'Schön, dass es geholfen hat! Es wurde keine Anfrage gesendet.',
    foundOne: 'Eine vorgeschlagene Antwort unter der Beschreibung.',
    foundTwo: '2 vorgeschlagene Antworten unter der Beschreibung.',
    found: '{n} vorgeschlagene Antworten unter der Beschreibung.',
    read: 'Artikel lesen',
  },
  fr: {
    heading: 'Réponses suggérées',
    intro: 'Ceci répond peut-être déjà à votre question :',
    resolution: 'Comment une demande semblable a été résolue',
    solved: 'Cela a résolu mon problème',
    needHelp: 'J’ai encore besoin d’aide',
    thanks: 'Tant mieux ! Aucune demande n’a été envoyée.',
    foundOne: 'Une réponse suggérée sous la description.',
    foundTwo: '2 réponses suggérées sous la description.',
    found: '{n} réponses suggérées sous la description.',
    read: 'Lire l’article',
  },
  es: {
    heading: 'Respuestas sugeridas',
    intro: 'Quizá esto ya responda a su pregunta:',
    resolution: 'Cómo se resolvió una solicitud parecida',
    solved: 'Esto lo resolvió',
    needHelp: 'Todavía necesito ayuda',
    thanks: '¡Nos alegra que le haya servido! No se envió ninguna solicitud.',
    foundOne: 'Una respuesta sugerida debajo de la descripción.',
    foundTwo: '2 respuestas sugeridas debajo de la descripción.',
    found: '{n} respuestas sugeridas debajo de la descripción.',
    read: 'Leer el artículo',
  },
  pt: {
    heading: 'Respostas sugeridas',
    intro: 'Isto talvez já responda à sua pergunta:',
    resolution: 'Como um pedido parecido foi resolvido',
    solved: 'Isto resolveu',
    needHelp: 'Ainda preciso de ajuda',
    thanks: 'Que bom que ajudou! Nenhum pedido foi enviado.',
    foundOne: 'Uma resposta sugerida abaixo da descrição.',
    foundTwo: '2 respostas sugeridas abaixo da descrição.',
    found: '{n} respostas sugeridas abaixo da descrição.',
    read: 'Ler o artigo',
  },
  ja: {
    heading: '回答の候補',
    intro: '次の内容で解決するかもしれません:',
    resolution: '似た問い合わせの解決方法',
    solved: 'これで解決しました',
    needHelp: 'まだサポートが必要です',
    thanks: '解決してよかったです。問い合わせは送信されていません。',
    foundOne: '説明の下に回答の候補が 1 件あります。',
    foundTwo: '説明の下に回答の候補が 2 件あります。',
    found: '説明の下に回答の候補が {n} 件あります。',
    read: '記事を読む',
  },
  ar: {
    heading: 'إجابات مقترحة',
    intro: 'ربما تجيب هذه عن سؤالك:',
    resolution: 'كيف حُلّ طلب مشابه',
    solved: 'هذا حلّ المشكلة',
    needHelp: 'ما زلت بحاجة إلى مساعدة',
    thanks: 'يسعدنا أن ذلك ساعد! لم يُرسَل أي طلب.',
    foundOne: 'إجابة مقترحة واحدة أسفل الوصف.',
    foundTwo: 'إجابتان مقترحتان أسفل الوصف.',
    found: '{n} إجابات مقترحة أسفل الوصف.',
    read: 'اقرأ المقال',
  },
};
