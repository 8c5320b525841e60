/**
 * Rich text as the server stores it (directive bodies, library bodies): one allow-list, kept by
 * sanitize-html, that covers what the web's editor (tiptap's starter kit with links) writes, so the
 * editor's output is stored unchanged. Scripts, styles, event handlers, images and links other than
 * http, https and mailto go; every link gets rel="noopener noreferrer". Plain text (no tag at all) becomes
 * paragraphs, so an API client may send either.
 */
import sanitizeHtml from 'sanitize-html';

const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'code', 'pre', 'h2', 'h3', 'blockquote', 'ul', 'ol', 'li', 'hr', 'a'],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    ol: ['start', 'type'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: (_tag, attribs) => ({ tagName: 'a', attribs: linkAttributes(attribs) }) },
};

/** A link's attributes in their order, rel forced; target kept only as the editor's "new tab" (`_blank`). */
function linkAttributes(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const { target, ...rest } = attribs;
  return { ...(target === '_blank' ? { target } : {}), ...rest, rel: 'noopener noreferrer' };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text split into paragraphs at blank lines, single line breaks kept. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${escapeText(para).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** The HTML to store for a body as sent: sanitised on the allow-list above (NFC, as search and titles are). */
export function sanitizeRichText(input: string): string {
  const clean = input.normalize('NFC');
  const source = /<[a-z!/]/i.test(clean) ? clean : paragraphs(clean);
  // sanitize-html closes void tags XHTML-style; the editor (and the HTML parser) write `<br>`.
  return sanitizeHtml(source, RICH_TEXT)
    .replace(/<(br|hr) \/>/g, '<$1>')
    .trim();
}
