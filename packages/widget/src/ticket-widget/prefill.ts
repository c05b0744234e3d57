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
 * the wrong type, and custom fields the form does not have, are
 * skipped. Returns the draft with the built-in values set.
 */
export function applyPrefill(
  draft: Draft,
  extras: FormExtras,
  values: PrefillValues,
  touched: ReadonlySet<string>,
): Draft {
  const next: Record<string, string> = { ...draft };
  for (const key of FIELD_ORDER) {
    const value = (values as Record<string, unknown>)[key];
    if (typeof value === 'string' && !touched.has(key)) next[key] = value;
  }
  for (const field of extras.form?.fields ?? []) {
    const value = values.fields?.[field.name];
    const wanted = field.kind === 'checkbox' ? 'boolean' : 'string';
    if (typeof value === wanted && !touched.has(`cf-${field.name}`)) {
      extras.values = { ...extras.values, [field.name]: value as CustomValue };
    }
  }
  return next as unknown as Draft;
}
