import { describe, expect, it } from 'vitest';
import { hiddenByAttributes, htmlToText } from './html-text.js';

describe('hidden HTML is not text', () => {
  it('drops elements with the hidden attribute, and what they hold', () => {
    const html =
      '<p>Printer jams.</p><div hidden><p>SECRET one</p><span>two</span></div><p hidden="hidden">SECRET three</p><p>Thanks</p>';
    const text = htmlToText(html);
    expect(text).toBe('Printer jams.\n\nThanks');
  });

  it('drops display:none and visibility:hidden styles in every spelling', () => {
    const styles = [
      'display:none',
      'display: none',
      'DISPLAY : NONE',
      'color:red; display:none !important',
      'display:none!important;color:red',
      'display:/* x */none',
      'visibility:hidden',
      'Visibility : Hidden ;',
      'visibility:collapse',
      'mso-hide:all',
    ];
    for (const style of styles) {
      const html = `<p>Visible</p><div style="${style}">SECRET <b>bold</b></div><p>End</p>`;
      expect(htmlToText(html), style).toBe('Visible\n\nEnd');
    }
  });

  it('keeps what is on screen: other styles, aria-hidden, display:none-ish words', () => {
    for (const style of [
      'display:block',
      'display:nonee',
      'visibility:visible',
      'color:none',
    ]) {
      expect(hiddenByAttributes({ style }), style).toBe(false);
    }
    const html =
      '<p><span aria-hidden="true">★</span> Rated</p><p style="display:inline-block">Shown</p>';
    expect(htmlToText(html)).toBe('★ Rated\n\nShown');
  });

  it('keeps text after a hidden void element and after implied closes', () => {
    const html =
      '<p>One<img hidden src="x.png"> two</p><ul><li hidden>SECRET<li>Three</ul><table><tr><td style="display:none">SECRET<td>Four</table>';
    const text = htmlToText(html);
    expect(text).not.toContain('SECRET');
    expect(text).toContain('One two');
    expect(text).toContain('- Three');
    expect(text).toContain('Four');
  });
});
