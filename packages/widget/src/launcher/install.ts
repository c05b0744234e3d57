import { TAG } from './launcher-css.js';
import { type LauncherLoader, stubLauncher } from './stub.js';

export type { LauncherLoader } from './stub.js';

/**
 * Makes every `<ticket-widget>` on the page work before the full widget
 * is loaded: those with `mode="launcher"` get the floating button at
 * once and load the full widget on first open; inline ones load it
 * straight away. Watches for elements added later until the full widget
 * defines the tag; does nothing if it already has.
 *
 * @example
 * installLauncher({ load: () => import('@ticketry/widget/define') });
 */
export function installLauncher(loader: LauncherLoader): void {
  if (customElements.get(TAG)) return;
  let loaded: Promise<unknown> | null = null;
  const once: LauncherLoader = {
    load: () => {
      loaded ??= loader.load().catch((error: unknown) => {
        loaded = null;
        throw error;
      });
      return loaded;
    },
    prefetch: () => loader.prefetch?.(),
  };

  const take = (el: Element) => {
    if (customElements.get(TAG) || !(el instanceof HTMLElement)) return;
    if (el.getAttribute('mode') === 'launcher') stubLauncher(el, once);
    else void once.load().catch(() => {});
  };
  const scan = (root: ParentNode) => {
    for (const el of root.querySelectorAll(TAG)) take(el);
  };

  scan(document);
  const watcher = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.localName === TAG) take(node);
        else if (node.firstElementChild) scan(node);
      }
    }
  });
  watcher.observe(document.documentElement, { childList: true, subtree: true });
  void customElements.whenDefined(TAG).then(() => watcher.disconnect());
}
