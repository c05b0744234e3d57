import type { Messages } from './i18n/index.js';

/**
 * English words of the tracking actions (accept, reject, rate, reopen)
 * and of the identified requester's list. `{name}` marks a value filled
 * in at run time. A language's messages may carry their own under a
 * `tracking` key with these keys; until then these show.
 */
export const TRACKING_EN = {
  decisionHeading: 'Did this solve your problem?',
  accept: 'Yes, close the request',
  reject: 'No, it is not solved',
  reopenUntil: 'You can reopen it until {date}.',
  windowClosed: 'This request can no longer be reopened.',
  rejectReason: 'What is still wrong?',
  rejectReasonHint: 'Support sees this when the request reopens.',
  rejectReasonRequired: 'Say what is still wrong, so support can help.',
  reopen: 'Reopen the request',
  cancel: 'Cancel',
  working: 'Sending…',
  accepted: '{ref}: thank you. The request is closed.',
  reopened: '{ref} is open again.',
  ratingHeading: 'Rate the help you got',
  ratingLegend: 'Your rating',
  stars: [
    '1 star: very poor',
    '2 stars: poor',
    '3 stars: fair',
    '4 stars: good',
    '5 stars: excellent',
  ],
  ratingComment: 'Comment',
  ratingRequired: 'Choose from 1 to 5 stars.',
  rated: 'You rated this {rating} out of 5.',
  rate: 'Send rating',
  rerate: 'Update rating',
  ratingSent: 'Thank you for your rating of {rating} out of 5.',
  replyReopensClosed: 'This request is closed; replying reopens it.',
  replyOpensNew:
    'This request is closed; a reply opens a new request linked to it.',
  closedNoReply:
    'This request is closed. To ask about it again, submit a new request.',
  conflict:
    'This request changed while you were looking at it. Check it and try again.',
  identifiedAs: 'Signed in as {email}: your requests from every device.',
  identityFailed: 'Your requests could not be loaded: {message}',
};

export type TrackingMessages = typeof TRACKING_EN;

/** The tracking words of the language on screen, or English. */
export function trackingText(t: Messages): TrackingMessages {
  const own = (t as Messages & { tracking?: TrackingMessages }).tracking;
  return own ?? TRACKING_EN;
}
