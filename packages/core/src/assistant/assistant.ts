/**
 * The conversation driver: recognises routine requests and runs their
 * flows (another request in the middle of one interrupts it, see
 * switching.ts), offers articles and the answerer's replies for the
 * rest, and hands over to the ticket flow.
 */
import { systemClock } from '../clock.js';
import {
  answerChecked,
  createDefaultAnswerer,
  HANDOVER,
  menuReply,
  SOLVED,
} from './answerer.js';
import {
  type Assistant,
  type AssistantOptions,
  readInput,
  replyText,
} from './assistant-options.js';
import {
  ASSISTANT_CATALOGS,
  type AssistantLocale,
  type AssistantTextKey,
  assistantLocaleOf,
  assistantText,
} from './i18n/index.js';
import { createOfferedChoices } from './offered-choices.js';
import type { Recognition } from './recognizer.js';
import {
  type ActiveFlow as Active,
  type FlowStep,
  type FlowMessage as Message,
  startFlow,
  stepFlow,
} from './run-flow.js';
import { isSmallTalk } from './small-talk.js';
import {
  KEEP,
  offerAnswer,
  offerReply,
  SWITCH,
  type SwitchTarget,
  switchTarget,
} from './switching.js';
import {
  type ArticleSuggestion,
  type AssistantFlow,
  type AssistantReply,
  CLOSED_QUESTION,
  type TranscriptLine,
} from './types.js';

export {
  type Assistant,
  type AssistantOptions,
  MESSAGE_LIMIT,
  type SuggestArticles,
} from './assistant-options.js';

/**
 * A conversation: recognises routine requests and runs their flows,
 * offers knowledge-base articles and the answerer's replies for the
 * rest, and hands over to the ticket flow (with the transcript) when it
 * cannot help. Runs anywhere, with no network of its own.
 *
 * @example
 * const assistant = createAssistant({ recognizer, flows });
 * const replies = await assistant.send('I forgot my password');
 */
export function createAssistant(options: AssistantOptions): Assistant {
  if (!options?.recognizer)
    throw new TypeError('createAssistant: `recognizer` is required');
  if (!Array.isArray(options.flows))
    throw new TypeError('createAssistant: `flows` must be an array');
  const clock = options.clock ?? systemClock;
  const answerer = options.answerer ?? createDefaultAnswerer();
  const fallback = createDefaultAnswerer();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const handoverId = options.handoverFlow ?? 'collect-ticket';
  const switchConfidence = options.switchConfidence ?? 0.7;
  const transcript: TranscriptLine[] = [];
  let running: Active | null = null;
  /** The flow another request interrupted; it resumes after that one. */
  let waiting: Active | null = null;
  /** Another request offered at an open question, with its message. */
  let offer: (SwitchTarget & { text: string }) | null = null;
  /** Flows that gave up in this conversation: never offered again mid-flow. */
  const gaveUp = new Set<string>();
  let problem: string | null = null;
  let misses = 0;
  /** The articles of the last offer, until "solved" or the next message. */
  let offered: readonly ArticleSuggestion[] = [];
  const choices = createOfferedChoices();
  let locale: AssistantLocale = assistantLocaleOf(options.locale ?? 'en');
  const t = (key: AssistantTextKey, values?: Record<string, string>) =>
    assistantText(locale, key, values);

  const log = (from: TranscriptLine['from'], text: string) =>
    transcript.push({ from, text, at: clock.now().toISOString() });
  const flowById = (id: string) => options.flows.find((f) => f.id === id);
  const menu = () =>
    options.flows
      .filter((f) => f.id !== handoverId)
      .map((f) => ({ id: f.id, title: flowTitle(f) }));
  const flowTitle = (f: AssistantFlow) =>
    `flow.${f.id}` in ASSISTANT_CATALOGS.en
      ? t(`flow.${f.id}` as AssistantTextKey)
      : f.title;

  const stopAll = () => {
    running?.run.actor.stop();
    waiting?.run.actor.stop();
    running = waiting = offer = null;
  };

  /** The interrupted flow again, with its last question. */
  function resume(): AssistantReply[] {
    running = waiting;
    waiting = null;
    const back: AssistantReply = { type: 'text', text: t('resume') };
    return running?.asked ? [back, running.asked] : [back];
  }

  async function afterStep(step: FlowStep): Promise<AssistantReply[]> {
    const active = running;
    if (!step.output) {
      if (active) active.asked = step.replies.at(-1) ?? active.asked;
      return step.replies;
    }
    running = null;
    const handover = step.output.handover === true;
    if (handover && active) gaveUp.add(active.run.flow.id);
    // Back to the interrupted flow, unless this one gave up and the
    // interrupted one is not already the ticket flow.
    if (waiting && (!handover || waiting.run.flow.id === handoverId))
      return [...step.replies, ...resume()];
    waiting?.run.actor.stop();
    waiting = null;
    if (!handover) return step.replies;
    // What started the flow that gave up is the problem to file.
    problem ??= active?.text.trim() || null;
    return [...step.replies, ...(await handOver())];
  }

  async function begin(
    flow: AssistantFlow,
    text: string,
    recognition: Recognition | null,
  ) {
    running?.run.actor.stop();
    running = null;
    const started = await startFlow(
      flow,
      {
        text,
        recognition,
        requester: options.requester ?? null,
        transcript: () => transcript,
        problem,
        locale,
      },
      timeoutMs,
    );
    running = { run: started.run, text, asked: null };
    return afterStep(started.step);
  }

  /** Interrupts the running flow for another request, and says so. */
  async function digress(to: SwitchTarget, text: string) {
    // A second switch replaces the first; the flow it interrupted waits on.
    if (waiting) running?.run.actor.stop();
    else waiting = running;
    running = null;
    const flow = flowTitle(to.flow);
    const said: AssistantReply = {
      type: 'text',
      text: t('switching', { flow }),
    };
    return [said, ...(await begin(to.flow, text, to.recognition))];
  }

  const stepWith = async (active: Active, message: Message) =>
    afterStep(await stepFlow(active.run, message, timeoutMs));

  /** What decides whether a message mid-flow is another request. */
  const switchContext = (active: Active) => ({
    recognizer: options.recognizer,
    flows: options.flows,
    busy: [active.run.flow.id, waiting?.run.flow.id, handoverId, ...gaveUp],
    minConfidence: switchConfidence,
  });

  /** A message while a flow waits: its answer, or another request. */
  async function inFlow(active: Active, text: string, choice?: string) {
    const message: Message = { text, ...(choice && { choice }) };
    const offered = offer;
    offer = null;
    const decision = offered ? offerAnswer(message) : null;
    if (offered && decision === SWITCH) return digress(offered, offered.text);
    if (offered && decision === KEEP)
      return stepWith(active, { text: offered.text });
    // A button of an offer already answered: ask the question again.
    if (choice === SWITCH || choice === KEEP)
      return [active.asked ?? { type: 'text', text: t('tryAgain') }];
    const target = switchTarget(message, switchContext(active));
    if (!target) return stepWith(active, message);
    if (active.run.actor.getSnapshot().hasTag(CLOSED_QUESTION))
      return digress(target, text);
    offer = { ...target, text };
    return [offerReply(locale, flowTitle(target.flow))];
  }

  async function handOver(): Promise<AssistantReply[]> {
    const flow = flowById(handoverId);
    const intro: AssistantReply = flow
      ? { type: 'text', text: t('handover') }
      : { type: 'text', text: t('handoverForm') };
    return flow ? [intro, ...(await begin(flow, '', null))] : [intro];
  }

  /** A choice that answers nothing offered, with no text: ask again. */
  const askAgain = (): AssistantReply[] => [
    choices.question ?? running?.asked ?? menuReply(locale, menu()),
  ];

  /** "Solved": one deflection for the articles of this offer, once. */
  async function solved(): Promise<AssistantReply[]> {
    const articles = offered;
    offered = [];
    misses = 0;
    if (articles.length > 0) await options.onSolved?.(articles, transcript);
    return [{ type: 'text', text: t('glad') }];
  }

  async function answer(text: string, recognition: Recognition | null) {
    // A greeting states no problem: the first message that does is filed.
    if (!isSmallTalk(text)) problem ??= text.trim() || null;
    misses += 1;
    offered = options.suggest
      ? (await options.suggest(text, 3)).slice(0, 3)
      : [];
    const request = {
      message: text,
      transcript,
      recognition,
      articles: offered,
      flows: menu(),
      misses,
      locale,
    };
    const replies = await answerChecked(answerer, fallback, request);
    return replies ?? handOver();
  }

  async function turn(
    text: string,
    sent: string | undefined,
  ): Promise<AssistantReply[]> {
    // A value the last answer did not offer is no choice: the text is
    // the message, and without text (or for a stale switch offer) the
    // question is asked again.
    const stale = sent !== undefined && !choices.has(sent);
    if (stale && (!text.trim() || sent === SWITCH || sent === KEEP))
      return askAgain();
    const choice = stale ? undefined : sent;
    if (running) return inFlow(running, text, choice);
    if (choice === SOLVED) return solved();
    offered = [];
    if (choice === HANDOVER) return handOver();
    const chosen = choice?.startsWith('flow:')
      ? flowById(choice.slice(5))
      : undefined;
    if (chosen) return begin(chosen, text, null);
    const recognition = text.trim() ? options.recognizer.recognize(text) : null;
    const flow = recognition?.intent
      ? options.flows.find((f) => f.intents.includes(recognition.intent!))
      : undefined;
    if (flow) {
      misses = 0;
      return begin(flow, text, recognition);
    }
    return answer(text, recognition);
  }

  return {
    async send(input) {
      const m = readInput(input);
      const { text } = m;
      if (m.locale) locale = assistantLocaleOf(m.locale);
      log('requester', text || (m.choice ?? ''));
      let replies: AssistantReply[];
      try {
        replies = await turn(text, m.choice);
      } catch {
        stopAll();
        replies = [{ type: 'text', text: t('error') }];
      }
      for (const r of replies) log('assistant', replyText(r));
      choices.remember(replies);
      return replies;
    },
    get transcript() {
      return transcript;
    },
    get activeFlow() {
      return running?.run.flow.id ?? null;
    },
    stop: stopAll,
  };
}
