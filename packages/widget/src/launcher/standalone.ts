/**
 * `ticket-launcher.js`: the tiny script-tag entry. It loads the full
 * `ticket-widget.js` from the same folder on the first open (and
 * fetches it, without running it, when the pointer or focus reaches the
 * button).
 *
 * @example
 * <script type="module" src="/assets/ticket-launcher.js"></script>
 * <ticket-widget mode="launcher" endpoint="/api/v1"></ticket-widget>
 *
 * @packageDocumentation
 */
import { installLauncher } from './install.js';

const full = new URL('./ticket-widget.js', import.meta.url).href;
let fetched = false;

installLauncher({
  load: () => import(full),
  prefetch() {
    if (fetched) return;
    fetched = true;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = full;
    document.head.append(link);
  },
});
