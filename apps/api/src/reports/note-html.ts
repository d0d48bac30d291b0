/**
 * A report note's Markdown as HTML that is safe to insert into a page or an export: marked renders
 * it (GitHub-flavoured), sanitize-html keeps an allow-list of tags and attributes — no scripts,
 * styles, iframes or event handlers, and links and images only over http(s) or mailto (so no
 * `javascript:` or `data:` URLs). Notes are user text shown to other users: never trust them.
 */
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub', 'span',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'], code: ['class'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // A dropped tag's text (a <script>'s body) is dropped with it, not shown.
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** Markdown → sanitised HTML ('' for an empty note). */
export function renderNoteHtml(markdown: string): string {
  if (markdown.trim() === '') return '';
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, ALLOWED);
}
