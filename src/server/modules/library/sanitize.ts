/**
 * A library body as it is stored: sanitised HTML for reading, and its plain text for search and snippets.
 * sanitize-html keeps a small allow-list of formatting tags; scripts, styles, event handlers and
 * `javascript:` links go. Plain text (no tag at all) becomes paragraphs, so an administrator may paste
 * either.
 */
import sanitizeHtml from 'sanitize-html';
import { badRequest } from '../../errors.ts';

const ALLOWED = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 'a', 'hr', 'span'],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
/** The search snippets mark matches with these two private-use characters: a body never holds them. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sanitised HTML and its plain text; a body with no text left (only a script, say) is refused. */
export function sanitizeBody(input: string): { html: string; text: string } {
  // NFC, as the search normalizes queries: a Korean text typed on some systems arrives decomposed (jamo).
  const clean = input.normalize('NFC').replace(/[\uE000\uE001]/g, '');
  const source = /<[a-z!/]/i.test(clean)
    ? clean
    : clean
        .split(/\n\s*\n/)
        .map((para) => para.trim())
        .filter(Boolean)
        .map((para) => `<p>${escapeText(para).replace(/\n/g, '<br>')}</p>`)
        .join('\n');
  const html = sanitizeHtml(source, ALLOWED).trim();
  // Block ends become line breaks before the tags go, so words of two paragraphs do not run together.
  const broken = html.replace(/<\/(p|h[2-4]|li|blockquote)>|<br\s*\/?>|<hr\s*\/?>/gi, '$&\n');
  const text = sanitizeHtml(broken, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  if (!text) throw badRequest('library.emptyBody', { details: [{ path: 'body.body', message: 'No text left after sanitising' }] });
  return { html, text };
}
