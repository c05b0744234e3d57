/**
 * The widget's languages: messages per language (English is the source
 * of truth), detection from the page, lazy loading, and formatting.
 */
export { LocaleController, type Localizer } from './controller.js';
export { type DateStyle, dateFormatter, validTimeZone } from './dates.js';
export { en, type Messages } from './en.js';
export { describeError, describeIssue, type IssueLike } from './errors.js';
export { loadedMessages, loadMessages } from './load.js';
export {
  closestAttribute,
  directionFor,
  format,
  LANGUAGES,
  type Lang,
  languageCandidates,
  pickLanguage,
  type ResolvedLocale,
} from './locale.js';
export { formatBytes, type SizeLocalizer } from './sizes.js';
