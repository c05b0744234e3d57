import type { PendingReason, Status } from '@ticketry/core/public';

/**
 * The widget's English words: the source of truth every other language
 * copies key for key. `{name}` marks a value filled in at run time;
 * translations keep the same placeholders.
 */
export const en = {
  /** Status names, as a requester reads them: plain words, no jargon. */
  status: {
    new: 'Received',
    open: 'Open',
    assigned: 'Assigned to an agent',
    in_progress: 'In progress',
    pending: 'Waiting',
    resolved: 'Resolved',
    closed: 'Closed',
    cancelled: 'Cancelled',
    merged: 'Merged into another request',
  } satisfies Record<Status, string>,
  /** Why a pending ticket waits. */
  pending: {
    requester: 'Waiting for your reply',
    vendor: 'Waiting for a supplier',
    change: 'Waiting for a planned change',
    problem: 'Linked to a known problem being fixed',
    approval: 'Waiting for approval',
  } satisfies Record<PendingReason, string>,
  /** Names shown for the default categories; the value sent stays English. */
  categories: {
    Hardware: 'Hardware',
    Software: 'Software',
    Network: 'Network',
    'Accounts and access': 'Accounts and access',
    Email: 'Email',
    Printing: 'Printing',
    Other: 'Other',
  },
  /** Failures the requester reads, by the error's stable code. */
  errors: {
    NETWORK_ERROR:
      'The help desk could not be reached. Check your connection and try again.',
    BAD_RESPONSE: 'The help desk sent an answer the widget cannot read.',
    HTTP_ERROR: 'The help desk answered with error {status}.',
    RATE_LIMITED: 'Too many requests. Wait a minute and try again.',
    UNAUTHENTICATED: 'This browser may no longer open this request.',
    FORBIDDEN: 'This browser may no longer open this request.',
    NOT_FOUND: 'The help desk does not know this request.',
    PAYLOAD_TOO_LARGE: 'That is too much to send at once.',
    REOPEN_WINDOW_CLOSED: 'This request can no longer be reopened.',
    INTERNAL_ERROR: 'The help desk ran into a problem. Try again later.',
    STORAGE_FAILED: 'The help desk ran into a problem. Try again later.',
    VALIDATION_FAILED: 'Some fields need a second look.',
    UNEXPECTED: 'Something went wrong. Try again.',
  },
  /** A field's own error, by zod's issue code. */
  issues: {
    required: 'This field is required.',
    tooLong: 'Use at most {max} characters.',
    email: 'Enter an email address like name@example.com.',
    control: 'Remove the invisible control characters.',
    direction: 'Remove the hidden characters that reverse the text direction.',
    invalid: 'This value is not accepted.',
  },
  /**
   * Also the names of launcher mode's button and panel, and of the
   * panel's close button: the same words as the tiny launcher's
   * `LAUNCHER_TEXT`, so nothing changes when the full widget takes over.
   */
  helpDesk: 'Help desk',
  closeHelpDesk: 'Close the help desk',
  noEndpoint:
    'This help-desk form has no endpoint attribute, so it cannot send anything.',
  newRequest: 'New request',
  myRequests: 'My requests',
  myRequestsCount: 'My requests ({count})',
  askForHelp: 'Ask for help',
  subject: 'Subject',
  description: 'Description',
  category: 'Category',
  optional: '(optional)',
  notSure: 'Not sure',
  email: 'Your email',
  name: 'Your name',
  /** In place of the email field while identified; `{who}`: name (address). */
  filedFor: 'Signed in: this request will be filed for {who}.',
  sending: 'Sending…',
  submit: 'Submit request',
  received: 'Request received',
  yourReference:
    'Your reference is {ref}. Quote it when you contact the help desk.',
  notSaved:
    'This browser would not save the request, so it will not be listed under My requests after you leave the page. Note the reference.',
  viewRequest: 'View this request',
  submitAnother: 'Submit another request',
  noRequests: 'No requests from this browser yet.',
  noRequestsYet: 'You have no requests yet.',
  couldNotLoad: 'Could not load: {message}',
  back: 'Back to my requests',
  forget: 'Remove from this device',
  loading: 'Loading…',
  statusLabel: 'Status:',
  resolution: 'Resolution',
  conversation: 'Conversation',
  noMessages: 'No messages yet.',
  support: 'Support',
  you: 'You',
  firstAnswerBy: 'First answer expected by {date}',
  nextAnswerBy: 'Next answer expected by {date}',
  resolutionBy: 'Resolution expected by {date}',
  replyReopens: 'Replying reopens this request.',
  replyClosed: 'This request is closed; a reply may open a new one.',
  yourReply: 'Your reply',
  sendReply: 'Send reply',
  fixFields: 'Please correct the highlighted fields.',
  submitted: 'Request submitted. Your reference is {ref}.',
  nowStatus: '{ref} is now: {status}.',
  newReply: 'New reply from support on {ref}.',
  replySent: 'Reply sent.',
  followUp: '{from} is closed, so your reply opened a new request, {ref}.',
  forgotten: '{ref} was removed from this browser.',
  /** Answering a resolution, rating, and the identified requester's list. */
  tracking: {
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
  },
  /** Custom fields, attachments and the offline queue. */
  submitting: {
    attachments: 'Attachments',
    choose: 'Choose…',
    attachHint: 'Up to {count} files, {size} each: {types}',
    uploading: 'Uploading attachments',
    tooBig: '{name} is larger than {size}',
    badType: '{name} is not a type this form accepts',
    empty: '{name} is empty',
    badName:
      '{name}: rename the file (1 to 200 characters, no hidden characters) and attach it again',
    tooMany: 'Attach at most {count} files',
    uploadFailed: '{name} could not be uploaded: {message}',
    queued: 'Saved on this device. It will be sent when you are back online.',
    sentLater: 'Your saved request was sent. Your reference is {ref}.',
    droppedLater: 'A saved request could not be sent: {message}',
  },
  /** The assistant (the `assistant` attribute). */
  assistant: {
    open: 'Assistant',
    heading: 'Ask the assistant',
    loading: 'Loading the assistant…',
  },
  /** File sizes; `{n}` is the number in the locale's digits. */
  sizes: {
    bytes: '{n} B',
    kilobytes: '{n} KB',
    megabytes: '{n} MB',
  },
};

/** Every language has exactly these keys: the compiler checks each file. */
export type Messages = typeof en;
