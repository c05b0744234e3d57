import { isIsoDate } from './check/rules.js';
import { type Draft, FIELD_ORDER } from './draft.js';
import type { CustomValue, FormExtras } from './form-extras.js';

/**
 * What `prefill()` takes: built-in fields by name, custom fields under
 * `fields` (text for text, long text, select and date; true or false
 * for a checkbox).
 */
export interface PrefillValues {
  subject?: string;
  description?: string;
  email?: string;
  name?: string;
  category?: string;
  fields?: Record<string, CustomValue>;
}

/**
 * Fills the fields the requester has not edited (`touched` holds control
 * ids: `subject`, `cf-<name>`): what they typed always wins. Values of
 * the wrong type, a select's value that is not one of its options, a
 * date that is not a real `YYYY-MM-DD` day, and custom fields the form
 * does not have are skipped: the control could not show them. Sets the built-in values in `draft`, the custom ones in
 * `extras.values`.
 */
export function applyPrefill(
  draft: Draft,
  extras: FormExtras,
  values: PrefillValues,
  touched: ReadonlySet<string>,
): void {
  for (const key of FIELD_ORDER) {
    const value = values[key];
    if (typeof value === 'string' && !touched.has(key)) draft[key] = value;
  }
  for (const field of extras.form?.fields ?? []) {
    const { name, kind } = field;
    const value = values.fields?.[name];
    const wanted = kind === 'checkbox' ? 'boolean' : 'string';
    const shown =
      field.kind === 'select'
        ? field.options.includes(value as string)
        : kind !== 'date' || isIsoDate(value as string);
    if (typeof value === wanted && shown && !touched.has(`cf-${name}`)) {
      extras.values[name] = value as CustomValue;
    }
  }
}
