/**
 * `<ticket-widget>` budget: gzip sizes of the tiny launcher and of the
 * whole widget (Lit included), Total Blocking Time added to a host page
 * at 4× CPU throttling against the same page without the widget, layout
 * shift, and the time from `open()` to a painted panel, all measured in
 * Chromium (playwright-core), the baseline page in the same run.
 */
import { existsSync } from 'node:fs';
import type { BenchFigure, BenchSection, BenchSectionRun } from './types.ts';
import { formatNumber, summarize } from './util.ts';
import {
  CHROME,
  launch,
  type PageSample,
  samplePage,
  THROTTLE,
} from './widget-browser.ts';
import { startWidgetHost, type Variant } from './widget-host.ts';

/** Sizes and times quoted in issue 6 for the widgets we compare with. */
const VENDORS = [
  { name: 'Zendesk messaging (36 requests)', kb: 613 },
  { name: 'Intercom', kb: 344 },
  { name: 'Crisp', kb: 130 },
  { name: 'Zammad chat', kb: 89 },
];

interface AtMost {
  name: string;
  unit: string;
  samples: readonly number[];
  most?: number;
  target?: string;
  baseline?: { name: string; samples: readonly number[] };
}

/** A figure whose target is a ceiling (util's `figure` has floors). */
function atMost(input: AtMost): BenchFigure {
  const own = summarize(input.samples);
  const out: BenchFigure = { name: input.name, unit: input.unit, ...own };
  if (input.baseline) {
    const base = summarize(input.baseline.samples);
    out.baseline = {
      name: input.baseline.name,
      median: base.median,
      unit: input.unit,
    };
  }
  if (input.most === undefined) return out;
  out.target = input.target ?? `≤ ${input.most} ${input.unit}`;
  out.met = own.median <= input.most;
  if (!out.met) {
    const over = own.median - input.most;
    out.shortfall = `${formatNumber(own.median, 1)} ${input.unit}: ${formatNumber(over, 1)} over`;
  }
  return out;
}

const kb = (bytes: number) => bytes / 1000;

export const run: BenchSectionRun = async (ctx) => {
  if (!existsSync(CHROME)) {
    throw new Error(`no Chromium at ${CHROME}: set CHROME_PATH`);
  }
  const repeats = ctx.quick ? 3 : 9;
  ctx.progress('building the bundles');
  const host = await startWidgetHost();
  const browser = await launch();
  const order: Variant[] = ['baseline', 'launcher', 'inline', 'fullLauncher'];
  const samples: Record<Variant, PageSample[]> = {
    baseline: [],
    launcher: [],
    inline: [],
    fullLauncher: [],
  };
  try {
    for (let i = 0; i < repeats; i++) {
      ctx.progress(`pages, repeat ${i + 1} of ${repeats}`);
      for (const v of order) {
        samples[v].push(await samplePage(browser, host.url, v));
      }
    }
  } finally {
    await browser.close();
    await host.close();
  }
  const out = section(host, samples, repeats);
  out.charts?.push({
    title: 'What ticket-widget.js is made of, minified before gzip',
    unit: 'KB',
    points: host.parts,
  });
  return out;
};

type Host = Awaited<ReturnType<typeof startWidgetHost>>;

function section(
  host: Host,
  s: Record<Variant, PageSample[]>,
  repeats: number,
): BenchSection {
  const { sizes } = host;
  const base = s.baseline.map((x) => x.tbt);
  const added = (v: Variant) => s[v].map((x, i) => x.tbt - base[i]!);
  const bare = { name: 'the same page without the widget', samples: base };
  const open = (v: Variant) => s[v].map((x) => x.open!);
  const figures: BenchFigure[] = [
    atMost({
      name: 'launcher entry ticket-launcher.js, gzip',
      unit: 'KB',
      samples: [kb(sizes.launcher.gzip)],
      most: 10,
    }),
    atMost({
      name: 'whole requester widget, as an English page loads it: ticket-widget.js (form and tracking views, Lit included) and its static chunks, gzip',
      unit: 'KB',
      samples: [kb(sizes.widget.gzip)],
      most: 30,
    }),
    atMost({
      name: 'English page, initial load plus every feature chunk loaded on first use (assistant, suggestions, articles), gzip',
      unit: 'KB',
      samples: [kb(sizes.widget.gzip + sizes.features.gzip)],
    }),
    atMost({
      name: 'every file the widget can load (main file and all chunks), gzip',
      unit: 'KB',
      samples: [kb(sizes.main.gzip + sizes.chunks.gzip)],
    }),
    atMost({
      name: 'a language chunk, the largest (what a page in it adds), gzip',
      unit: 'KB',
      samples: [kb(sizes.language.gzip)],
    }),
    atMost({
      name: 'added TBT, launcher page: load + first open (loads the widget)',
      unit: 'ms',
      samples: added('launcher'),
      most: 50,
      baseline: bare,
    }),
    atMost({
      name: 'added TBT, whole widget inline: load',
      unit: 'ms',
      samples: added('inline'),
      most: 50,
      baseline: bare,
    }),
    atMost({
      name: 'added TBT, whole widget in launcher mode: load + first open',
      unit: 'ms',
      samples: added('fullLauncher'),
      most: 50,
      baseline: bare,
    }),
    atMost({
      name: 'layout shift (CLS), launcher page: load + first open',
      unit: '',
      samples: s.launcher.map((x) => x.cls),
      most: 0,
      target: '0',
    }),
    atMost({
      name: 'layout shift (CLS), whole widget inline: load',
      unit: '',
      samples: s.inline.map((x) => x.cls),
      most: 0,
      target: '0',
    }),
    atMost({
      name: 'frames from open() to a painted panel, tiny launcher (first open)',
      unit: 'frames',
      samples: open('launcher').map((o) => o.frames),
      most: 1,
      target: 'the next frame (1)',
    }),
    atMost({
      name: 'frames from open() to a painted panel, whole widget (first open)',
      unit: 'frames',
      samples: open('fullLauncher').map((o) => o.frames),
      most: 1,
      target: 'the next frame (1)',
    }),
    atMost({
      name: 'open() to the painted frame, tiny launcher (4× throttled)',
      unit: 'ms',
      samples: open('launcher').map((o) => o.paintedMs),
    }),
    atMost({
      name: 'open() to the painted frame, whole widget (4× throttled)',
      unit: 'ms',
      samples: open('fullLauncher').map((o) => o.paintedMs),
    }),
    atMost({
      name: 'open() to the form, tiny launcher (fetches and runs the widget)',
      unit: 'ms',
      samples: open('launcher').map((o) => o.readyMs),
    }),
    atMost({
      name: 'TBT of the page without the widget',
      unit: 'ms',
      samples: base,
    }),
  ];
  return {
    title: '<ticket-widget> budget (Chromium)',
    figures,
    charts: [
      {
        title:
          'JavaScript a page loads for a help widget: ours gzip as built here, the others as quoted in issue 6 (not measured here)',
        unit: 'KB',
        points: [
          {
            label: 'Ticketry, launcher at load',
            value: kb(sizes.launcher.gzip),
          },
          {
            label: 'Ticketry, launcher + widget after open (English)',
            value: kb(sizes.launcher.gzip + sizes.widget.gzip),
          },
          {
            label: 'Ticketry, the same in the largest other language',
            value: kb(
              sizes.launcher.gzip + sizes.widget.gzip + sizes.language.gzip,
            ),
          },
          ...VENDORS.map((v) => ({ label: v.name, value: v.kb })),
        ],
      },
    ],
    notes: notes(host, s, repeats),
  };
}

function notes(
  host: Host,
  s: Record<Variant, PageSample[]>,
  repeats: number,
): string[] {
  const { sizes } = host;
  const scripts = (v: Variant) => s[v][0]!;
  const vendors = VENDORS.map((v) => `${v.name} about ${v.kb} KB`).join(', ');
  const list = (names: string[]) =>
    names.map((n) => `\`${n}\``).join(', ') || 'none';
  return [
    `Sizes: the widget's own \`build:bundle\` script (esbuild, minified, production Lit, code splitting) into a temporary folder; KB = 1,000 bytes of gzip at level 6, each file compressed on its own as a server sends it. ticket-launcher.js is ${formatNumber(sizes.launcher.bytes)} bytes (${formatNumber(sizes.launcher.gzip)} gzip); ticket-widget.js ${formatNumber(sizes.main.bytes)} bytes (${formatNumber(sizes.main.gzip)} gzip).`,
    `The rule for "whole widget": ticket-widget.js plus every chunk an English page loads without anyone asking for more, that is every chunk it imports statically (${list(host.english.filter((n) => n !== 'ticket-widget.js'))}). Left out are the chunks behind a dynamic import(), fetched only when needed: ${list(host.lazy)} (${formatNumber(sizes.chunks.gzip)} bytes of gzip together). A language chunk is what a page in that language adds on top.`,
    `Requests: the launcher page fetches ${scripts('launcher').scriptsAtLoad} script at load and ${scripts('launcher').scripts} after the first open; the inline page ${scripts('inline').scripts}. Issue 6 quotes, for comparison: ${vendors}.`,
    `Pages: one intranet article (24 paragraphs) bare, with the tiny launcher (\`mode="launcher"\`), with the whole widget inline, and with the whole widget in launcher mode; each load in a fresh browser context with nothing cached, served from 127.0.0.1 with the real HTTP API over a memory desk. ${repeats} repeats, the four pages in turn in each repeat.`,
    `TBT: CPU throttled ${THROTTLE}× with the DevTools protocol (Emulation.setCPUThrottlingRate); the sum over 'longtask' entries of their time past 50 ms, from navigation until 300 ms after the first open (or after load where there is no launcher). "Added" is each repeat's page minus the bare page of the same repeat; the bare page's own TBT is the baseline. Other work on the machine lands in long tasks too (the bare page then shows some, and a difference can come out negative): only a quiet machine gives figures to hold the target against.`,
    'Where the blocking time goes (a CPU profile and user-timing marks at 4× in Chromium): running ticket-widget.js (Lit, the element class; no zod since the widget checks with its own code), which lands in the task where the parser finishes the page, with its style and layout; defining the tag and upgrading the element (its controllers, adopting the style sheets); connecting (the API client, the stored tickets in localStorage, the request for the form schema); then the first render (Lit preparing its templates and compiling its functions on first use, the largest share of the JavaScript time); then the style and layout of what it drew. Each of these is a task of its own (15 to 40 ms each in the calmer repeats of a loaded 2-core machine, by user-timing marks): `src/standalone.ts` defines the tag a task after the script ran, `WidgetParts.prepare` connects a task before the first render (after the language chunk of a page in another language), and an inline widget draws its content in three steps a task apart (`first-render.ts`: the shell, the top of the form, the rest), hidden until the last so that it appears once, at its full height. In launcher mode the content renders at the first open in one task and the panel takes focus after the frame that paints it, so that its layout is not forced inside the task that opens it. Numbers are formatted with one cached Intl.NumberFormat per locale, and the counts of the first render need none; the offline queue opens IndexedDB a task after connecting.',
    "CLS: the sum of 'layout-shift' entries without recent input over the same span (an upper bound of the session-window CLS). The launcher floats (position: fixed), so it shifts nothing; the inline widget here ends the article, as a page would place it after its content or in reserved space.",
    'Open: after `open()`, the number of animation frames until one whose callback sees the panel visible; 1 means the panel is painted in the very next frame, which is what "renders within one frame" asks. The milliseconds run from `open()` to the task after that frame, at 4× throttling: they include the wait for the next frame (up to 16.7 ms at 60 Hz) and that frame\'s style, layout and paint. The tiny launcher paints its panel (saying it is loading) in that frame and the form once the widget is fetched and run; the whole widget renders the form in the first frame.',
  ];
}
