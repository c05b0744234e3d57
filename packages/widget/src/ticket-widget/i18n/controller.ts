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
  #numbers: Intl.NumberFormat | undefined;
  #numbersFor = '';

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
   * The messages of the language the page asks for, while they load; null
   * once they are here. The element holds its first render on it, so a
   * page in another language never shows English or the wrong direction.
   */
  loading(): Promise<unknown> | null {
    const { lang } = this.#pick();
    return loadedMessages(lang) ? null : loadMessages(lang);
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
        if (this.#wanted === lang) this.#host.requestUpdate();
      });
    } else if (messages === en && lang !== 'en') {
      // The language could not be loaded: speak English, and say so.
      this.#apply('en', 'en', en, false);
    } else {
      this.#apply(lang, locale, messages, chosen);
    }
  }

  /** Fills a message's `{name}` placeholders; numbers in the locale. */
  format = (
    message: string,
    values: Record<string, string | number>,
  ): string => {
    const local: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      local[key] = typeof value === 'number' ? this.#number(value) : value;
    }
    return format(message, local);
  };

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
    if (!this.#numbers || this.#numbersFor !== this.locale) {
      this.#numbers = new Intl.NumberFormat(this.locale);
      this.#numbersFor = this.locale;
    }
    return this.#numbers.format(value);
  }

  /** An ISO instant as a date and time in the requester's locale and zone. */
  date = (iso: string, style: DateStyle = 'medium'): string => {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    return dateFormatter(this.locale, this.timeZone, style).format(at);
  };

  #apply(lang: Lang, locale: string, t: Messages, chosen: boolean): void {
    this.lang = lang;
    this.locale = locale;
    this.t = t;
    this.dir = directionFor(this.#host, lang, chosen);
  }
}

/** What a render function needs to speak the requester's language. */
export type Localizer = Pick<
  LocaleController,
  't' | 'lang' | 'dir' | 'format' | 'date'
>;
