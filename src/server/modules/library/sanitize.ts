/**
 * A library body as it is stored: sanitised HTML for reading (the server's one rich-text allow-list,
 * src/server/rich-text.ts), and its plain text for search and snippets.
 */
import sanitizeHtml from 'sanitize-html';
import { badRequest } from '../../errors.ts';
import { sanitizeRichText } from '../../rich-text.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
/** The search snippets mark matches with these two private-use characters: a body never holds them. */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

/** Sanitised HTML and its plain text; a body with no text left (only a script, say) is refused. */
export function storedBody(input: string): { html: string; text: string } {
  const html = sanitizeRichText(input.replace(/[\uE000\uE001]/g, ''));
  // Block ends become line breaks before the tags go, so words of two paragraphs do not run together.
  const broken = html.replace(/<\/(p|h[2-4]|li|blockquote|pre)>|<br\s*\/?>|<hr\s*\/?>/gi, '$&\n');
  const text = sanitizeHtml(broken, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  if (!text) throw badRequest('library.emptyBody', { details: [{ path: 'body.body', message: 'No text left after sanitising' }] });
  return { html, text };
}
