/**
 * Runs a flow's machine one step: starts it or sends it a message,
 * gathers what it says, and waits until it waits for the requester or
 * ends.
 */
import { type AnyActorRef, createActor, waitFor } from 'xstate';
import type {
  AssistantFlow,
  AssistantReply,
  FlowInput,
  FlowOutput,
} from './types.js';

/** A flow in progress. */
export interface RunningFlow {
  flow: AssistantFlow;
  actor: AnyActorRef;
  /** Replies said since the last step. */
  heard: AssistantReply[];
}

/** What the requester sent: typed text, or a choice's value. */
export type FlowMessage = { text: string; choice?: string };

/** A flow in progress in a conversation, what started it, its last question. */
export interface ActiveFlow {
  run: RunningFlow;
  /** The message that started it: the problem to file if it gives up. */
  text: string;
  /** Asked again when the flow resumes after another request. */
  asked: AssistantReply | null;
}

/** What one step of a flow gave. */
export interface FlowStep {
  replies: AssistantReply[];
  /** Set when the flow ended. */
  output: FlowOutput | null;
}

async function settle(run: RunningFlow, timeoutMs: number): Promise<FlowStep> {
  const snapshot = await waitFor(
    run.actor,
    (s) => s.status !== 'active' || s.hasTag('waiting'),
    { timeout: timeoutMs },
  );
  const replies = run.heard.splice(0);
  if (snapshot.status === 'active') return { replies, output: null };
  run.actor.stop();
  return { replies, output: (snapshot.output as FlowOutput | undefined) ?? {} };
}

/** Starts `flow` and runs it to its first question or its end. */
export async function startFlow(
  flow: AssistantFlow,
  input: FlowInput,
  timeoutMs: number,
): Promise<{ run: RunningFlow; step: FlowStep }> {
  const actor = createActor(flow.machine, { input });
  const run: RunningFlow = { flow, actor, heard: [] };
  actor.on('reply', (e: { reply: AssistantReply }) => run.heard.push(e.reply));
  actor.start();
  return { run, step: await settle(run, timeoutMs) };
}

/** Hands the requester's message to a running flow. */
export function stepFlow(
  run: RunningFlow,
  message: { text: string; choice?: string },
  timeoutMs: number,
): Promise<FlowStep> {
  run.actor.send({ type: 'message', ...message });
  return settle(run, timeoutMs);
}
