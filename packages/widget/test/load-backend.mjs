/**
 * Loads the API the browser tests talk to. TypeScript sources load through
 * tsx, and `@ticketry/*` imports resolve to `src` through the
 * `@ticketry/source` condition, so no build is needed first.
 */
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

const conditionHook = `
export async function resolve(specifier, context, next) {
  const conditions = [...new Set([...context.conditions, '@ticketry/source'])];
  return next(specifier, { ...context, conditions });
}`;

let registered = false;

function registerLoaders() {
  if (registered) return;
  registered = true;
  registerTsx();
  register(`data:text/javascript,${encodeURIComponent(conditionHook)}`);
}

/** The identity secret the test server shares with its "host site". */
const IDENTITY_SECRET = 'widget-browser-tests-identity-secret-0123456789';

/** The inbound-mail webhook secret; test/mail-kit.ts holds the same. */
const MAIL_SECRET = 'widget-browser-tests-mail-webhook-secret-0123456789';

/**
 * The console's browser tests sign in as this agent (and a supervisor
 * with the same password); test/console-kit.ts holds the same values.
 */
const CONSOLE_PASSWORD = 'console-browser-tests-password';

/**
 * The real HTTP handler over a memory desk, with a team and an agent so
 * tests can move tickets through the lifecycle, and identity tokens
 * signed with a test secret.
 */
export async function loadBackend() {
  registerLoaders();
  const core = await import('@ticketry/core');
  const { createAssistantService, createHttpHandler, signIdentity } =
    await import('@ticketry/adapters/http/server');
  const desk = core.createDesk({ store: core.createMemoryStore() });
  const team = await desk.createTeam({ name: 'Service desk' });
  const agent = await desk.createAgent({
    name: 'Widget test agent',
    role: 'agent',
    teamIds: [team.id],
  });
  const actor = { role: 'agent', id: agent.id };
  for (const [id, role] of [
    ['console-agent', 'agent'],
    ['console-supervisor', 'supervisor'],
  ]) {
    await desk.createAgent({
      id,
      name: role === 'agent' ? 'Console agent' : 'Console supervisor',
      email: `${id}@example.com`,
      role,
      teamIds: [team.id],
    });
    await desk.setAgentPassword(id, CONSOLE_PASSWORD);
  }
  // Predictions over seeded history (console-predict.browser.test.ts).
  const { seedPredictionHistory } = await import('./predict-seed.mjs');
  await seedPredictionHistory(core, desk.store, agent.id);
  const predictions = await core.createPredictions(desk, {
    outcome: (risk) => core.madeSlaOutcome(risk) ?? core.slaOutcome(risk),
  });
  await predictions.refresh();
  // Mail intake, so tests can open tickets by mail (mail-xss.browser.test.ts).
  const { createMailIntake } = await import('@ticketry/adapters/email');
  const intake = createMailIntake(desk, { address: 'help@widget.test' });
  const kb = await loadKnowledgeBase(core, desk);
  const classifier = await loadClassifier(core, desk);
  return {
    handler: createHttpHandler({
      desk,
      identity: { secret: IDENTITY_SECRET },
      services: {
        mail: { intake, secret: MAIL_SECRET },
        predictions,
        // The assistant (assistant.browser.test.ts): its reset link is fake.
        assistant: createAssistantService({
          passwordResetUrl: 'https://id.example.com/reset',
        }),
        // Suggested answers (suggestions.browser.test.ts).
        kb,
        // The model's guess on a ticket (console-trial.browser.test.ts).
        classifier,
      },
    }),
    /** Signs an identity token as a host site would. */
    identify: ({ email, name, ttlSeconds = 600, secret = IDENTITY_SECRET }) =>
      signIdentity(
        {
          userId: `host-user:${email}`,
          email,
          ...(name && { name }),
          expiresAt: new Date(Date.now() + ttlSeconds * 1000),
          issuedAt: new Date(Date.now() + Math.min(0, ttlSeconds) * 2000),
        },
        secret,
      ),
    // `assign` without an assignee goes to the test agent.
    act: (id, command) =>
      desk.execute(
        id,
        command.type === 'assign' && !command.assigneeId
          ? { ...command, assigneeId: agent.id, teamId: team.id }
          : command,
        { actor },
      ),
  };
}

/**
 * Articles of the knowledge base the suggestions tests find: ordinary
 * ones, and one whose title and body carry markup that must stay text.
 */
export const KB_ARTICLES = {
  'vpn-certificate': {
    title: 'VPN client says the certificate expired',
    body: 'Restart the laptop once while connected to the office network so the VPN client fetches a new certificate.',
    tags: ['vpn', 'certificate'],
  },
  'mailbox-quota': {
    title: 'Mailbox full: archive old mail',
    body: 'Move mail older than a year to the archive folder; the quota warning goes away within an hour.',
    tags: ['mail', 'quota'],
  },
  'toner-xss': {
    title: 'Toner smudges <img src=x onerror="window.__kbXss=1"> printer',
    body: 'Printer toner smudges pages: <script>window.__kbXss=2</script> replace the toner cartridge <b>now</b>.',
    tags: ['printer', 'toner'],
  },
  // The article view (article.browser.test.ts): rich Markdown with
  // hostile parts, and a very long article.
  'wifi-guest': {
    title: 'Connect a laptop to the guest wifi',
    body: [
      '## Before you start',
      '',
      'You need the **guest wifi code** from reception. See [the wifi page](https://example.com/wifi) or [this](javascript:window.__kbXss=3).',
      '',
      '<script>window.__kbXss=4</script>',
      '',
      '1. Open *Settings*',
      '2. Pick `Guest` <img src=x onerror="window.__kbXss=5">',
      '',
      '> The code changes every Monday.',
      '',
      '```',
      'netsh wlan connect name=Guest',
      '```',
      '',
      '| Floor | Network |',
      '| --- | --- |',
      '| 1 | Guest-1 |',
    ].join('\n'),
    tags: ['wifi', 'guest'],
  },
  'monitor-manual': {
    title: 'Monitor flicker: the complete manual',
    body: Array.from(
      { length: 850 },
      (_, i) =>
        `## Step ${i + 1}\n\nCheck the monitor cable and the flicker settings, then restart the display adapter (step ${i + 1}).`,
    ).join('\n\n'),
    tags: ['monitor', 'flicker'],
  },
};

/** A subject word that makes the test classifier's rule set a category. */
export const CLASSIFY_MARKER = 'zzconsoleguess';

/**
 * A classifier for the console's "model's guess": a model that never
 * reaches its threshold of 1 (so it only suggests, and changes no
 * ticket), and one rule that sets the category of tickets whose text
 * holds {@link CLASSIFY_MARKER} (applied).
 */
async function loadClassifier(core, desk) {
  const triage = await core.createTriage(desk, {
    threshold: 1,
    learnOnResolve: false,
    modelKey: 'console-browser-tests',
    rules: [
      {
        id: 'console-guess',
        any: [{ field: 'text', contains: [CLASSIFY_MARKER] }],
        set: { category: 'Hardware' },
      },
    ],
  });
  triage.model.train([
    { text: 'laptop screen broken keyboard printer', label: 'Hardware' },
    { text: 'printer jam toner paper', label: 'Hardware' },
    { text: 'cannot log in password vpn account', label: 'Access' },
    { text: 'vpn login fails network access', label: 'Access' },
  ]);
  return triage;
}

async function loadKnowledgeBase(core, desk) {
  const { createArticleRenderer } = await import('@ticketry/adapters/kb');
  const knowledgeBase = core.createKnowledgeBase(desk.core);
  for (const [id, a] of Object.entries(KB_ARTICLES)) {
    const article = {
      id,
      ...a,
      category: null,
      locale: 'en',
      status: 'published',
    };
    await knowledgeBase.putArticle(article, 0, desk.core.system);
  }
  await knowledgeBase.ready();
  const { render, blocks } = createArticleRenderer();
  return { knowledgeBase, render, blocks };
}
