import { html } from 'lit';
import type { TicketConsole } from './ticket-console.js';

function submit(host: TicketConsole, event: SubmitEvent) {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  void host.signIn(String(data.get('email')), String(data.get('password')));
}

/**
 * The sign-in form: an agent's email and console password. Five wrong
 * passwords lock the account for a while; the server's message says so.
 */
export function renderSignIn(host: TicketConsole) {
  return html`<section class="sign-in" aria-labelledby="sign-in-heading">
    <h2 id="sign-in-heading" tabindex="-1">Sign in to the agents' console</h2>
    <form @submit=${(e: SubmitEvent) => submit(host, e)}>
      <div class="field">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
      </div>
      <div class="field">
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
      </div>
      <button class="primary" type="submit" ?disabled=${host.busy}>Sign in</button>
    </form>
  </section>`;
}
