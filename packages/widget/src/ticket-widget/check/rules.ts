import { hasControlCharacters } from '@ticketry/core/public';

/**
 * One problem found in a value, shaped as zod reports it (and as the
 * server sends it back in a 422), so the widget words its own findings
 * and the server's the same way.
 */
export interface Issue {
  path: PropertyKey[];
  code: string;
  message: string;
  minimum?: number;
  maximum?: number;
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
export type Rule = (value: unknown, path: PropertyKey[], out: Issue[]) => unknown;

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
}

/**
 * Text trimmed, then at least one and at most `max` characters and no
 * control characters; every failed check is reported, as zod does.
 */
export function text(max: number, words: TextWords): Rule {
  return (value, path, out) => {
    if (typeof value !== 'string') {
      return report(out, path, 'invalid_type', words.type ?? INVALID);
    }
    const v = value.trim();
    if (!v.length) report(out, path, 'too_small', words.empty, { minimum: 1 });
    if (v.length > max) report(out, path, 'too_big', words.long, { maximum: max });
    if (hasControlCharacters(v)) report(out, path, 'custom', words.control);
    return v;
  };
}

/** The words zod's checks use on a trimmed text field of `name`. */
export const textWords = (name: string, max: number, empty: string) => ({
  empty: `${name} ${empty}`,
  long: `${name} must be at most ${max} characters`,
  control: `${name} must not contain control characters`,
});

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

/** A list of ids matching `pattern`, at most `max` of them. */
export function idList(pattern: RegExp, max: number, long: string): Rule {
  return (value, path, out) => {
    if (!Array.isArray(value)) return report(out, path, 'invalid_type', INVALID);
    const kept = value.map((id, i) => {
      const at = [...path, i];
      if (typeof id !== 'string') return report(out, at, 'invalid_type', INVALID);
      if (!pattern.test(id)) {
        report(out, at, 'invalid_format', 'not an attachment id', {
          format: 'regex',
        });
      }
      return id;
    });
    if (kept.length > max) report(out, path, 'too_big', long, { maximum: max });
    return kept;
  };
}
