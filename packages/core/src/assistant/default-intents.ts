/**
 * Example messages for the routine requests the built-in flows handle,
 * written for Ticketry, and the recognizer trained on them. A site adds
 * its own examples (or intents) by training on these plus its own.
 */
import {
  createIntentRecognizer,
  type IntentExample,
  type IntentRecognizerOptions,
} from './recognizer.js';

const examples: Record<string, string[]> = {
  ticket_status: [
    'what is the status of my ticket',
    'any news on my request?',
    'has anyone looked at my ticket yet',
    'where is my ticket T-1042',
    'check the status of T-2001',
    'is my issue being worked on',
    'when will my request be fixed',
    'I opened a ticket last week and heard nothing',
    'follow up on my support request',
    'update on my case please',
    'status of request',
    'wie ist der Stand meines Tickets',
    'où en est ma demande',
    'estado de mi ticket',
  ],
  password_reset: [
    'I forgot my password',
    'reset my password',
    'I cannot log in, my password does not work',
    'password expired',
    'how do I change my password',
    'locked out of my account after wrong password',
    'need a new password',
    'my password is not accepted',
    'forgotten password for email',
    'can you reset my login password',
    'Passwort vergessen',
    "j'ai oublié mon mot de passe",
    'olvidé mi contraseña',
  ],
  opening_hours: [
    'when are you open',
    'what are your opening hours',
    'are you open on saturday',
    'what time does the help desk close',
    'is the service desk open now',
    'when can I call support',
    'business hours of the help desk',
    'are you open on holidays',
    'until when can I reach someone today',
    'what hours is support available',
    'Öffnungszeiten',
    "heures d'ouverture",
    'horario de atención',
  ],
  human: [
    'I want to talk to a person',
    'speak to a human',
    'connect me to an agent',
    'open a ticket',
    'create a ticket for me',
    'I need to report a problem',
    'let me talk to support staff',
    'real person please',
    'file a support request',
    'submit a new request',
  ],
  other: [
    'my laptop does not start',
    'the printer on floor 3 is jammed',
    'outlook crashes when I open attachments',
    'VPN disconnects every hour',
    'screen flickers after update',
    'I need a new keyboard',
    'excel is very slow',
    'cannot connect to wifi in the meeting room',
    'the projector shows no picture',
    'my phone does not sync email',
    'software installation request for visual studio',
    'shared drive is full',
  ],
};

/** The built-in examples: five intents, a dozen or so messages each. */
export const DEFAULT_INTENT_EXAMPLES: readonly IntentExample[] = Object.entries(
  examples,
).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent })));

/**
 * A recognizer trained on {@link DEFAULT_INTENT_EXAMPLES} and any extra
 * examples of the site's own.
 *
 * @example
 * const recognizer = defaultIntentRecognizer([{ text: 'badge lost', intent: 'human' }]);
 */
export function defaultIntentRecognizer(
  extra: readonly IntentExample[] = [],
  options: IntentRecognizerOptions = {},
) {
  const recognizer = createIntentRecognizer(options);
  recognizer.train([...DEFAULT_INTENT_EXAMPLES, ...extra]);
  return recognizer;
}
