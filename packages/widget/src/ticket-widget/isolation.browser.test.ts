import {
  $,
  afterEach,
  beforeEach,
  describe,
  equal,
  it,
  mount,
  unmountAll,
} from '../../test/browser-kit.js';
import '../define.js';
import type { TicketWidget } from '../index.js';

/** A hostile host page: a small root size and rules on every element. */
const HOSTILE_CSS = `
  html { font-size: 62.5%; }
  * {
    font-family: serif; font-size: 30px; font-style: italic;
    color: rgb(255, 0, 0); line-height: 3; letter-spacing: 4px;
    text-transform: uppercase; text-align: center; word-spacing: 9px;
    margin: 7px; box-sizing: content-box; cursor: crosshair;
  }
  button {
    all: unset; background: yellow; padding: 30px; font-size: 8px;
    border: 5px dashed red; min-height: 0;
  }
  input, select, textarea {
    height: 10px; padding: 0; border: 0; background: black; font-size: 4px;
  }
  label, h2, p { display: none; }
  form { display: grid; gap: 50px; }
`;

const PROBES = {
  base: '[part~="base"]',
  heading: '#form-heading',
  label: 'label[for="subject"]',
  input: '#subject',
  textarea: '#description',
  select: '#category',
  submit: '[part~="submit-button"]',
  nav: '[part~="nav-button"]',
};

const PROPS = [
  'fontFamily',
  'fontSize',
  'fontStyle',
  'color',
  'backgroundColor',
  'lineHeight',
  'letterSpacing',
  'textTransform',
  'textAlign',
  'display',
  'paddingTop',
  'borderTopWidth',
  'cursor',
] as const;

/** Computed styles and sizes of the widget's insides that matter. */
function measure(el: TicketWidget): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, selector] of Object.entries(PROBES)) {
    const node = $(el, selector);
    const css = getComputedStyle(node);
    for (const prop of PROPS) found[`${name}.${prop}`] = css[prop];
    const box = node.getBoundingClientRect();
    found[`${name}.height`] = box.height.toFixed(1);
    if (name !== 'base') found[`${name}.width`] = box.width.toFixed(1);
  }
  return found;
}

/** The host page's own elements, as the browser styles them. */
function pageElements() {
  const box = document.createElement('div');
  box.dataset['testPage'] = '';
  for (const tag of ['button', 'input', 'h2', 'p', 'label', 'form', 'nav']) {
    box.append(document.createElement(tag));
  }
  box.querySelector('button')?.append('A page button');
  document.body.append(box);
  return box;
}

function pageStyles(box: HTMLElement): string[] {
  return [...box.children].map((child) => {
    const css = getComputedStyle(child);
    const { width, height } = child.getBoundingClientRect();
    return [
      child.tagName,
      css.font,
      css.color,
      css.backgroundColor,
      css.padding,
      css.margin,
      css.border,
      css.display,
      width,
      height,
    ].join();
  });
}

function fixedWidth(el: TicketWidget) {
  el.style.setProperty('--ticket-max-width', '500px');
}

describe('<ticket-widget> isolation from the host page', () => {
  const added: Element[] = [];
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    unmountAll();
    for (const node of added.splice(0)) node.remove();
  });

  it('looks the same on a page with hostile global rules', async () => {
    const calm = await mount();
    fixedWidth(calm);
    const expected = measure(calm);
    unmountAll();

    const style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    added.push(style);
    const el = await mount();
    fixedWidth(el);
    const actual = measure(el);
    const changed = Object.keys(expected).filter(
      (key) => expected[key] !== actual[key],
    );
    equal(
      changed.map((k) => `${k}: ${expected[k]} → ${actual[k]}`).join('\n'),
      '',
      'styles that leaked in',
    );
  });

  it('changes nothing on the host page', async () => {
    const box = pageElements();
    added.push(box);
    const before = pageStyles(box);
    const el = await mount({ theme: 'dark', locale: 'ar' });
    await el.updateComplete;
    equal(pageStyles(box).join('\n'), before.join('\n'), 'page styles');
    equal(
      getComputedStyle(document.body).direction,
      'ltr',
      'page direction stays',
    );
  });
});
