/** Report notes as HTML: Markdown rendered, and nothing that runs or loads from elsewhere kept. */
import { describe, expect, it } from 'vitest';
import { renderNoteHtml } from './note-html.js';

describe('renderNoteHtml', () => {
  it('renders Markdown: emphasis, lists, tables, code and http(s) links', () => {
    const html = renderNoteHtml('Deep **wins** in *4 of 5* seeds.\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n`x = 1`\n\n[paper](https://arxiv.org/abs/1611.03530)');
    expect(html).toContain('<strong>wins</strong>');
    expect(html).toContain('<em>4 of 5</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<code>x = 1</code>');
    expect(html).toContain('<a href="https://arxiv.org/abs/1611.03530" rel="noopener noreferrer nofollow">paper</a>');
  });

  it('drops scripts with their text, event handlers, javascript: and data: URLs, iframes and styles', () => {
    const html = renderNoteHtml(
      [
        '<script>alert(1)</script>',
        '<img src="https://example.org/x.png" onerror="alert(2)">',
        '[click](javascript:alert(3))',
        '<a href="JaVaScRiPt:alert(4)">x</a>',
        '<a href="data:text/html,<script>alert(5)</script>">y</a>',
        '<iframe src="https://example.org"></iframe>',
        '<style>body{display:none}</style>',
        '<p style="background:url(javascript:alert(6))" onclick="alert(7)">text</p>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|<iframe|<style|alert\(|onerror|onclick|javascript:|data:|style=/i);
    expect(html).toContain('<img src="https://example.org/x.png" />');
    expect(html).toContain('<p>text</p>');
  });

  it('is empty for an empty note', () => {
    expect(renderNoteHtml('  \n')).toBe('');
  });
});
