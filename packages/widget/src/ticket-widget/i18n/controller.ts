import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DateStyle, dateFormatter, validTimeZone } from './dates.js';
import { en, type Messages } from './en.js';
import { loadedMessages, loadMessages } from './load.js';
import {
  directionFor,
  format,
  type Lang,
  languageCandidates,
  pickLanguage,
} from './locale.js';

/** The element a {@link LocaleController} serves. */
export type LocaleHost = ReactiveControllerHost &
  HTMLElement & {
    /** BCP 47 tag that overrides the detected language. */
    locale?: string | null;
    /** IANA time zone for dates; the browser's when unset or unknown. */
    timeZone?: string | null;
  };

const WATCHED = { attributes: true, attributeFilter: ['lang', 'dir'] };

/**
 * The widget's language, writing direction and date format. Resolved
 * before every render from the `locale` property, the nearest `lang`,
 * the page and the browser; re-resolved when `lang` or `dir` changes on
 * the element or on `<html>`. Messages of other languages load lazily;
 * until they arrive the previous language (English at first) shows.
 */
export class LocaleController implements ReactiveController {
  /** The messages on screen. */
  t: Messages = en;
  /** The language of {@link t}. */
  lang: Lang = 'en';
  /** The locale dates and numbers are formatted in. */
  locale = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  /** The valid time zone in use, or undefined for the browser's. */
  timeZone: string | undefined;
  readonly #host: LocaleHost;
  #observer: MutationObserver | null = null;
  #wanted: Lang = 'en';
  /** The number format of a locale, kept for the next number. */
  #numbers: [string, Intl.NumberFormat] | undefined;

  constructor(host: LocaleHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer ??= new MutationObserver(() => this.#host.requestUpdate());
    this.#observer.observe(this.#host, WATCHED);
    this.#observer.observe(document.documentElement, WATCHED);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  hostUpdate(): void {
    this.resolve();
  }

  /**
   * Settles once the messages of the language the page asks for are
   * here. The element holds its first render on it, so a page in another
   * language never shows English or the wrong direction.
   */
  loading(): Promise<unknown> {
    return loadMessages(this.#pick().lang);
  }

  #pick() {
    const host = this.#host;
    const override = host.locale || host.getAttribute('lang');
    const picked = pickLanguage(languageCandidates(host, override));
    const chosen = Boolean(
      override && pickLanguage([override]).lang === picked.lang,
    );
    return { ...picked, chosen };
  }

  /** Settles language, direction and time zone from the page as it is. */
  resolve(): void {
    const host = this.#host;
    const { lang, locale, chosen } = this.#pick();
    this.#wanted = lang;
    this.timeZone = validTimeZone(host.timeZone);
    const messages = loadedMessages(lang);
    if (!messages) {
      void loadMessages(lang).then(() => {
        if (this.#wanted === lang) host.requestUpdate();
      });
      return;
    }
    // A language that could not be loaded: speak English, and say so.
    const failed = messages === en && lang !== 'en';
    this.t = messages;
    this.lang = failed ? 'en' : lang;
    this.locale = failed ? 'en' : locale;
    this.dir = directionFor(host, this.lang, chosen && !failed);
  }

  /** Fills a message's `{name}` placeholders; numbers in the locale. */
  format = (message: string, values: Record<string, string | number>): string =>
    format(message, values, (value) =>
      typeof value === 'number' ? this.#number(value) : value,
    );

  /**
   * A number in the locale's digits. One `Intl.NumberFormat` per locale:
   * `toLocaleString` builds a new one on every call, and the first one
   * loads the locale's data (16 ms, 64 ms at 4× throttling), more than
   * the rest of a render. Whole numbers under 1,000 read the same in
   * every language here but Arabic (some regions write Arabic-Indic
   * digits), so the counts of the first render need none.
   */
  #number(value: number): string {
    const plain = Number.isInteger(value) && Math.abs(value) < 1000;
    if (plain && this.lang !== 'ar') return String(value);
    const { locale } = this;
    if (this.#numbers?.[0] !== locale) {
      this.#numbers = [locale, new Intl.NumberFormat(locale)];
    }
    return this.#numbers[1].format(value);
  }

  /** An ISO instant as a date and time in the requester's locale and zone. */
  date = (iso: string, style: DateStyle = 'medium'): string => {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    return dateFormatter(this.locale, this.timeZone, style).format(at);
  };
}

/** What a render function needs to speak the requester's language. */
export type Localizer = Pick<
  LocaleController,
  't' | 'lang' | 'dir' | 'format' | 'date'
>;
