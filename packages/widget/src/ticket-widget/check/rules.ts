import {
  hasControlCharacters,
  hasDirectionControls,
} from '@ticketry/core/public';

/**
 * One problem found in a value, shaped as zod reports it (and as the
 * server sends it back in a 422), so the widget words its own findings
 * and the server's the same way.
 */
export interface Issue {
  path: PropertyKey[];
  code: string;
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  keys?: string[];
}

/** What {@link Validator.safeParse} answers, as zod's `safeParse` does. */
export type Checked<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: Issue[] } };

/**
 * Anything with zod's `safeParse`: the widget's own checks below, and
 * any zod schema (tests pass the server's schemas where they compare).
 */
export interface Validator<T> {
  safeParse(value: unknown): Checked<T>;
}

/**
 * A rule reads the value at `path`, adds what is wrong to `issues`,
 * and answers the value to keep (trimmed text, an object without the
 * keys it does not know).
 */
export type Rule = (
  value: unknown,
  path: PropertyKey[],
  out: Issue[],
) => unknown;

/** zod's message for a problem a schema gave no words for. */
export const INVALID = 'Invalid input';

/** The {@link Validator} of a rule applied to the whole value. */
export function validator<T>(rule: Rule): Validator<T> {
  return {
    safeParse(value) {
      const issues: Issue[] = [];
      const data = rule(value, [], issues) as T;
      return issues.length
        ? { success: false, error: { issues } }
        : { success: true, data };
    },
  };
}

/** Adds an issue and answers the value unchanged. */
export function report(
  out: Issue[],
  path: PropertyKey[],
  code: string,
  message: string,
  more?: Partial<Issue>,
): undefined {
  out.push({ path, code, message, ...more });
  return undefined;
}

/** A plain object, as zod's `object` and `record` take one. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The words of a text rule: empty, too long, control characters. */
export interface TextWords {
  type?: string;
  empty: string;
  long: string;
  control: string;
  /** Set for one line of text, which refuses direction controls. */
  direction?: string;
}

/**
 * zod's length checks run on anything with a `length`, even a value of
 * the wrong type already reported (an array where text belongs); text
 * is measured in code points (a surrogate pair counts once).
 */
export function lengths(
  value: unknown,
  path: PropertyKey[],
  out: Issue[],
  limits: { min?: number; max: number; empty?: string; long: string },
): void {
  if (value === null || value === undefined) return;
  const n =
    typeof value === 'string'
      ? [...value].length
      : (value as { length?: number }).length;
  if (n === undefined) return;
  const { min, max } = limits;
  if (min !== undefined && !(n >= min)) {
    report(out, path, 'too_small', limits.empty ?? INVALID, { minimum: min });
  }
  if (!(n <= max)) report(out, path, 'too_big', limits.long, { maximum: max });
}

/**
 * Text trimmed, then at least one and at most `max` characters and no
 * control characters; every failed check is reported, as zod does.
 */
export function text(max: number, words: TextWords): Rule {
  return (value, path, out) => {
    const typed = typeof value === 'string';
    if (!typed) report(out, path, 'invalid_type', words.type ?? INVALID);
    const v = typed ? value.trim() : value;
    lengths(v, path, out, { ...words, min: 1, max });
    if (!typed) return undefined;
    if (hasControlCharacters(v as string)) {
      report(out, path, 'custom', words.control);
    }
    if (words.direction && hasDirectionControls(v as string)) {
      report(out, path, 'custom', words.direction);
    }
    return v;
  };
}

/** The words zod's checks use on a trimmed text field of `name`. */
export const textWords = (
  name: string,
  max: number,
  empty: string,
  line = false,
): TextWords => ({
  empty: `${name} ${empty}`,
  long: `${name} must be at most ${max} characters`,
  control: `${name} must not contain control characters`,
  ...(line && {
    direction: `${name} must not contain direction override characters`,
  }),
});

/**
 * Passes what `test` accepts; reports anything else with `message`
 * under `code` (a wrong type unless told).
 */
export const must =
  (
    test: (value: unknown) => boolean,
    message = INVALID,
    code = 'invalid_type',
  ): Rule =>
  (value, path, out) =>
    test(value) ? value : report(out, path, code, message);

/**
 * Text in a `format` that `test` accepts, as zod's string formats: not
 * text is `invalid_type` (`typeMessage`), other text `invalid_format`.
 */
export const formatted =
  (
    test: (text: string) => boolean,
    format: string,
    message: string,
    typeMessage = message,
  ): Rule =>
  (value, path, out) => {
    if (typeof value !== 'string') {
      return report(out, path, 'invalid_type', typeMessage);
    }
    if (!test(value)) report(out, path, 'invalid_format', message, { format });
    return value;
  };

/** A list of what `item` accepts. */
export const list =
  (item: Rule): Rule =>
  (value, path, out) =>
    Array.isArray(value)
      ? value.map((v, i) => item(v, [...path, i], out))
      : report(out, path, 'invalid_type', INVALID);

/** `undefined` passes; anything else goes through `rule`. */
export const optional =
  (rule: Rule): Rule =>
  (value, path, out) =>
    value === undefined ? undefined : rule(value, path, out);

/**
 * An object with these keys, in this order; unknown keys are dropped,
 * or with `strict` reported after the rest (zod's `unrecognized_keys`).
 */
export function object(shape: Record<string, Rule>, strict = false): Rule {
  return (value, path, out) => {
    if (!isObject(value)) return report(out, path, 'invalid_type', INVALID);
    const kept: Record<string, unknown> = {};
    for (const [key, rule] of Object.entries(shape)) {
      const v = rule(value[key], [...path, key], out);
      if (v !== undefined || key in value) kept[key] = v;
    }
    const keys = Object.keys(value).filter((key) => !(key in shape));
    if (strict && keys.length) {
      report(out, path, 'unrecognized_keys', INVALID, { keys });
    }
    return kept;
  };
}

/**
 * A calendar date `YYYY-MM-DD` that exists (no 30 February; 29 February
 * in leap years of the Gregorian calendar): what zod's `iso.date()`
 * accepts. A day the month lacks does not read back the same: the
 * parser refuses it or rolls it over into the next month.
 */
export function isIsoDate(text: string): boolean {
  const time = /^\d{4}-\d\d-\d\d$/.test(text) ? Date.parse(text) : Number.NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

const TIME = /^(.{10})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

/**
 * An instant in UTC with seconds, `2026-03-01T09:30:00.000Z`: what
 * zod's `iso.datetime()` accepts by default (no offset, no local time).
 */
export function isIsoInstant(text: string): boolean {
  const parts = TIME.exec(text);
  return !!parts && isIsoDate(parts[1] as string);
}
