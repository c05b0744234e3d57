import type { PublicMessage } from '@ticketry/core/public';
import { html, nothing } from 'lit';
import type { SizeLocalizer } from './i18n/index.js';
import { formatBytes } from './i18n/index.js';

/** Builds the download URL of a ticket's file. */
export type FileUrl = (attachmentId: string) => string;

/**
 * A message's files as download links: name and size, as text. The
 * server answers them with `Content-Disposition: attachment`, so a
 * link never renders a file in the page.
 */
export function renderFiles(
  msg: PublicMessage,
  url: FileUrl,
  i18n: SizeLocalizer,
) {
  if (!msg.attachments?.length) return nothing;
  return html`<ul class="files" part="files">
    ${msg.attachments.map(
      (file) => html`<li><a part="file-link" href=${url(file.id)} download
        rel="noopener"><bdi>${file.name}</bdi></a> (${formatBytes(file.size, i18n)})</li>`,
    )}
  </ul>`;
}
