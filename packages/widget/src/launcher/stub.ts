import { LAUNCHER_TEXT } from '../ticket-widget/i18n/launcher-text.js';
import {
  directionFor,
  languageCandidates,
  pickLanguage,
} from '../ticket-widget/i18n/locale.js';
import {
  BUBBLE_PATH,
  CROSS_PATH,
  LAUNCHER_CSS,
  STUB_HOST_CSS,
  TAG,
} from './launcher-css.js';

/** How the launcher gets the full widget. */
export interface LauncherLoader {
  /** Loads the module that defines `<ticket-widget>`; called once. */
  load(): Promise<unknown>;
  /** Fetches that module without running it (hover, focus). */
  prefetch?(): void;
}

/** What the full widget offers once it has taken over. */
interface FullWidget extends HTMLElement {
  open(): Promise<void>;
  close(): Promise<void>;
  updateComplete: Promise<unknown>;
}

let sheet: CSSStyleSheet | undefined;

function stubSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STUB_HOST_CSS + LAUNCHER_CSS);
  }
  return sheet;
}

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  return element;
}

function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS(ns, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

/** True once `el` runs the full widget's class. */
function isFull(el: HTMLElement): el is FullWidget {
  const full = customElements.get(TAG);
  return full !== undefined && el instanceof full;
}

/**
 * Gives a not-yet-defined `<ticket-widget mode="launcher">` the floating
 * button and an empty panel, in a shadow root the full widget adopts
 * later. The first open shows the panel at once and loads the full
 * widget, which takes over the button in the task that defines it and
 * opens its own panel in the next; the stub's panel covers the gap, so
 * nothing flickers or moves. `open()` and `close()` work on the element
 * before and after.
 */
export function stubLauncher(el: HTMLElement, loader: LauncherLoader): void {
  if (el.shadowRoot || customElements.get(TAG)) return;
  const root = el.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [stubSheet()];
  const button = make('button', {
    type: 'button',
    class: 'launcher',
    part: 'launcher-button',
    'aria-expanded': 'false',
    'aria-controls': 'panel',
  });
  button.append(icon(BUBBLE_PATH));
  const closer = make('button', {
    type: 'button',
    class: 'close',
    part: 'button close-button',
  });
  closer.append(icon(CROSS_PATH));
  const bar = make('div', { class: 'bar' });
  bar.append(closer);
  const status = make('p', { role: 'status', class: 'loading' });
  const panel = make('div', {
    id: 'panel',
    class: 'panel',
    part: 'panel',
    role: 'dialog',
    tabindex: '-1',
  });
  panel.hidden = true;
  panel.append(bar, status);
  let words = LAUNCHER_TEXT.en;
  let failed = false;

  // The same language and side as the full widget will choose, again
  // whenever the page changes `lang`, `dir` or `locale` before it loads.
  const place = () => {
    const override = el.getAttribute('locale');
    const { lang } = pickLanguage(languageCandidates(el, override));
    const own = override !== null || el.hasAttribute('lang');
    const dir = directionFor(el, lang, own);
    words = LAUNCHER_TEXT[lang];
    for (const node of [button, panel]) {
      node.setAttribute('lang', lang);
      node.setAttribute('dir', dir);
      node.setAttribute('aria-label', words.name);
    }
    closer.setAttribute('aria-label', words.close);
    status.textContent = failed ? words.failed : words.loading;
  };
  place();
  const watch = {
    attributes: true,
    attributeFilter: ['lang', 'dir', 'locale'],
  };
  const observer = new MutationObserver(place);
  observer.observe(el, watch);
  observer.observe(document.documentElement, watch);
  root.append(button, panel);

  let opened = false;
  let loading = false;

  const show = (open: boolean) => {
    opened = open;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };

  // The full widget has upgraded the element and rendered its own
  // button in this task. An open panel stays (the full widget's styles
  // cover it) until the full one opens in a task of its own: running
  // the module and rendering the form are two shorter tasks, not one.
  const handOver = () => {
    observer.disconnect();
    const buttonFocused = root.activeElement === button;
    button.remove();
    Reflect.deleteProperty(el, 'open');
    Reflect.deleteProperty(el, 'close');
    if (!isFull(el) || !opened) {
      panel.remove();
      if (buttonFocused && isFull(el)) {
        void el.updateComplete.then(() =>
          el.shadowRoot?.querySelector<HTMLElement>('.launcher')?.focus(),
        );
      }
      return;
    }
    const full = el;
    setTimeout(async () => {
      if (opened) await full.open();
      panel.remove();
    });
  };

  const fail = () => {
    loading = false;
    failed = true;
    status.textContent = words.failed;
  };

  const load = () => {
    if (loading) return;
    loading = true;
    // The full widget's first render may wait for the page's language:
    // the stub's button stays until the full one is drawn.
    void loader
      .load()
      .then(() => customElements.whenDefined(TAG))
      .then(() => isFull(el) && el.updateComplete)
      .then(handOver, fail);
  };

  const open = () => {
    if (isFull(el)) return el.open();
    failed = false;
    status.textContent = words.loading;
    show(true);
    panel.focus();
    load();
  };

  const close = () => {
    const inside = panel.contains(root.activeElement);
    show(false);
    if (isFull(el)) return el.close();
    if (inside) button.focus();
  };

  // Own properties until the hand-over; they defer to the full widget
  // once it has upgraded the element.
  Object.assign(el, { open, close });
  button.addEventListener('click', () => (opened ? close() : open()));
  closer.addEventListener('click', close);
  root.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Escape' && opened) {
      event.preventDefault();
      close();
    }
  });
  const prefetch = () => loader.prefetch?.();
  button.addEventListener('pointerenter', prefetch, { once: true });
  button.addEventListener('focus', prefetch, { once: true });
}
