import type { Lang } from './locale.js';

/** The tiny launcher's words: the button and panel, before Lit loads. */
export interface LauncherText {
  /** Accessible name of the floating button and of its panel. */
  name: string;
  /** Accessible name of the panel's close button. */
  close: string;
  /** Shown while the full widget loads after the first open. */
  loading: string;
  /** Shown when the full widget could not be loaded. */
  failed: string;
}

/**
 * The launcher's words in every language, in one small table: the tiny
 * launcher (no Lit, no message modules) shows the button in the page's
 * language at once. `name` and `close` equal each language's `helpDesk`
 * and `closeHelpDesk` messages (a test checks), so the full widget can
 * name the same button with the words of its language chunk.
 */
export const LAUNCHER_TEXT: Record<Lang, LauncherText> = {
  en: {
    name: 'Help desk',
    close: 'Close the help desk',
    loading: 'Loading the help desk…',
    failed:
      'The help desk could not be loaded. Check your connection and try again.',
  },
  de: {
    name: 'Helpdesk',
    close: 'Helpdesk schließen',
    loading: 'Helpdesk wird geladen…',
    failed:
      'Der Helpdesk konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.',
  },
  fr: {
    name: 'Support',
    close: 'Fermer le support',
    loading: 'Chargement du support…',
    failed:
      'Le support n’a pas pu être chargé. Vérifiez votre connexion puis réessayez.',
  },
  es: {
    name: 'Soporte',
    close: 'Cerrar el soporte',
    loading: 'Cargando el soporte…',
    failed:
      'No se pudo cargar el soporte. Comprueba tu conexión y vuelve a intentarlo.',
  },
  pt: {
    name: 'Suporte',
    close: 'Fechar o suporte',
    loading: 'Carregando o suporte…',
    failed:
      'Não foi possível carregar o suporte. Verifique a sua conexão e tente novamente.',
  },
  ja: {
    name: 'ヘルプデスク',
    close: 'ヘルプデスクを閉じる',
    loading: 'ヘルプデスクを読み込み中…',
    failed:
      'ヘルプデスクを読み込めませんでした。接続を確認して、もう一度お試しください。',
  },
  ar: {
    name: 'مكتب الدعم',
    close: 'أغلق مكتب الدعم',
    loading: 'جارٍ تحميل مكتب الدعم…',
    failed: 'تعذّر تحميل مكتب الدعم. تحقّق من اتصالك وحاول مجددًا.',
  },
};
