/** Example messages per built-in intent, in one language. */
export type IntentTexts = Readonly<
  Record<
    'ticket_status' | 'password_reset' | 'opening_hours' | 'human' | 'other',
    readonly string[]
  >
>;
