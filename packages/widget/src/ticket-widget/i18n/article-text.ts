/**
 * The words of the article view, in every language of the widget. Only
 * the article chunk (suggestions/article-view.ts) imports this file.
 */
import type { Lang } from './locale.js';

/** What the article view says. */
export interface ArticleText {
  /** Leaves the article for the suggestions. */
  back: string;
  loading: string;
  failed: string;
}

/** Every language has exactly these keys: the compiler checks each. */
export const ARTICLE_TEXT: Record<Lang, ArticleText> = {
  en: {
    back: 'Back to the suggestions',
    loading: 'Loading the article…',
    failed: 'The article could not be loaded.',
  },
  de: {
    back: 'Zurück zu den Vorschlägen',
    loading: 'Der Artikel wird geladen …',
    failed: 'Der Artikel konnte nicht geladen werden.',
  },
  fr: {
    back: 'Retour aux suggestions',
    loading: 'Chargement de l’article…',
    failed: 'L’article n’a pas pu être chargé.',
  },
  es: {
    back: 'Volver a las sugerencias',
    loading: 'Cargando el artículo…',
    failed: 'No se pudo cargar el artículo.',
  },
  pt: {
    back: 'Voltar às sugestões',
    loading: 'A carregar o artigo…',
    failed: 'Não foi possível carregar o artigo.',
  },
  ja: {
    back: '候補に戻る',
    loading: '記事を読み込んでいます…',
    failed: '記事を読み込めませんでした。',
  },
  ar: {
    back: 'العودة إلى الاقتراحات',
    loading: 'جارٍ تحميل المقال…',
    failed: 'تعذّر تحميل المقال.',
  },
};
