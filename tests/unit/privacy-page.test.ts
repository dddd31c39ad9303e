import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineHtml, markdownBody, markdownPage } from '@/utils/privacy/markdown-page';

describe('the privacy page made from PRIVACY.md', () => {
  it('turns headings, paragraphs, lists with continued items and tables into HTML', () => {
    const body = markdownBody(
      ['# Title', '', 'One line', 'and its next.', '', '## Part', '- first', '  continued', '- second', '', '| a | b |', '| --- | --- |', '| 1 | 2 |', '| 3 | 4 |', 'After.'].join('\n'),
    );
    expect(body).toBe(
      [
        '<h1>Title</h1>',
        '<p>One line and its next.</p>',
        '<h2>Part</h2>',
        '<ul><li>first continued</li><li>second</li></ul>',
        '<table><thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody></table>',
        '<p>After.</p>',
      ].join('\n'),
    );
  });

  it('escapes the text before marking it up, and links only to https addresses', () => {
    expect(inlineHtml('a <script>x</script> & "q"')).toBe('a &lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;');
    expect(inlineHtml('**bold** and `ERASE`')).toBe('<strong>bold</strong> and <code>ERASE</code>');
    expect(inlineHtml('[CBP](https://www.cbp.gov/)')).toBe('<a href="https://www.cbp.gov/" target="_blank" rel="noopener noreferrer">CBP</a>');
    expect(inlineHtml('[the README](README.md#security-model)')).toBe('the README');
    expect(inlineHtml('[bad](javascript:alert(1))')).not.toContain('href');
  });

  it('renders the real PRIVACY.md with its title and no script', () => {
    const page = markdownPage(readFileSync('PRIVACY.md', 'utf8'));
    expect(page).toContain('<title>ACE ACH Assist privacy notice</title>');
    expect(page).toContain('<strong>nothing leaves your computer</strong>');
    expect(page).toContain('<th scope="col">what</th>');
    expect(page).not.toMatch(/<script|\son\w+=/i);
  });
});
