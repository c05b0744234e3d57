/**
 * `@ticketry/widget/launcher`: makes `<ticket-widget mode="launcher">`
 * show its floating button without Lit, and loads
 * `@ticketry/widget/define` (a separate chunk in your bundle) on the
 * first open. Inline widgets load it at once.
 *
 * @example
 * import '@ticketry/widget/launcher';
 *
 * @packageDocumentation
 */
import { installLauncher } from './launcher/install.js';

installLauncher({ load: () => import('./define.js') });
