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
  /** Announced when suggestions appear; `{n}` is how many. */
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
    found: '{n} إجابات مقترحة أسفل الوصف.',
    read: 'اقرأ المقال',
  },
};
