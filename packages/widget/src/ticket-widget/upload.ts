import type { AttachmentInfo } from '@ticketry/core/public';
import { answerOf, errorFrom, networkError } from './api.js';
import { attachmentInfoCheck } from './check/answers.js';

/** One file to upload, with the type the widget recognised. */
export interface UploadInput {
  file: Blob;
  name: string;
  type: string;
}

/**
 * `POST <base>/attachments?name=…` with XMLHttpRequest, the one browser
 * API that reports upload progress: `onProgress` gets the bytes sent so
 * far. Resolves to what the server recorded; a failure is a
 * WidgetError (`NETWORK_ERROR` when no answer came back).
 */
export function uploadFile(
  base: string,
  input: UploadInput,
  key: string,
  onProgress: (sent: number) => void,
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
    xhr.onerror = xhr.ontimeout = () => reject(networkError());
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status });
      const answer = response.ok
        ? answerOf(response, attachmentInfoCheck)
        : errorFrom(response).then((error) => Promise.reject(error));
      answer.then(resolve, reject);
    };
    xhr.send(input.file);
  });
}
