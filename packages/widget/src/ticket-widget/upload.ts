import type { AttachmentInfo } from '@ticketry/core/public';
import { WidgetError } from './api.js';
import { attachmentInfoCheck } from './check/answers.js';

/** One file to upload, with the type the widget recognised. */
export interface UploadInput {
  file: Blob;
  name: string;
  type: string;
}

const lost = () =>
  new WidgetError(
    'NETWORK_ERROR',
    'The help desk could not be reached. Check your connection and try again.',
  );

/**
 * `POST <base>/attachments?name=…` with XMLHttpRequest, the one browser
 * API that reports upload progress: `onProgress` gets the bytes sent so
 * far. Resolves to what the server recorded; a failure is a
 * WidgetError (`NETWORK_ERROR` when no answer came back), the server's
 * error read by `readError`.
 */
export function uploadFile(
  base: string,
  input: UploadInput,
  key: string,
  onProgress: (sent: number) => void,
  readError: (response: Response) => Promise<WidgetError>,
): Promise<AttachmentInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `${base}/attachments?name=${encodeURIComponent(input.name)}`,
    );
    xhr.setRequestHeader('content-type', input.type);
    xhr.setRequestHeader('idempotency-key', key);
    xhr.timeout = 120_000;
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onerror = xhr.ontimeout = () => reject(lost());
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status < 200 || xhr.status > 299) {
        return void readError(response).then(reject);
      }
      const info = attachmentInfoCheck.safeParse(
        JSON.parse(xhr.responseText || 'null'),
      );
      if (info.success) resolve(info.data);
      else reject(new WidgetError('BAD_RESPONSE', 'unreadable upload answer'));
    };
    xhr.send(input.file);
  });
}
