/**
 * Turns PRIVACY.md into the extension's own privacy page (privacy.html, linked from Options), at
 * build time: one text, read in the repository and in the browser, with no script in the page.
 * Only the Markdown that file uses: headings, paragraphs, "- " lists (continued by indented
 * lines), pipe tables, **bold**, `code` and [links](https://…). Anything else stays plain text.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline marks of one line of text; the text is escaped first, so nothing of it becomes markup. */
export function inlineHtml(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    // Only https links leave the page; a link into the repository (README.md#…) stays its text.
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_all, label: string, href: string) =>
      href.startsWith('https://') ? `<a href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>` : label,
    );
}

function tableCells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** The page's body: the Markdown's blocks as HTML. */
export function markdownBody(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (line.trim() === '') {
      i++;
    } else if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level}>${inlineHtml(heading[2]!.trim())}</h${level}>`);
      i++;
    } else if (line.startsWith('- ')) {
      const items: string[] = [];
      while (i < lines.length && (lines[i]!.startsWith('- ') || (items.length > 0 && /^ {2,}\S/.test(lines[i]!)))) {
        if (lines[i]!.startsWith('- ')) items.push(lines[i]!.slice(2).trim());
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
      }
      out.push(`<ul>${items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`);
    } else if (line.trimStart().startsWith('|') && TABLE_RULE.test((lines[i + 1] ?? '').trim())) {
      const head = tableCells(line);
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.trimStart().startsWith('|')) rows.push(tableCells(lines[i++]!));
      out.push(
        `<table><thead><tr>${head.map((cell) => `<th scope="col">${inlineHtml(cell)}</th>`).join('')}</tr></thead><tbody>` +
          rows.map((row) => `<tr>${row.map((cell) => `<td>${inlineHtml(cell)}</td>`).join('')}</tr>`).join('') +
          '</tbody></table>',
      );
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,3} |- |\|)/.test(lines[i]!)) paragraph.push(lines[i++]!.trim());
      out.push(`<p>${inlineHtml(paragraph.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff;margin:0}
main{max-width:46rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #c9c9c9;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}code{background:#f1f1f1;padding:0 .2rem;border-radius:3px}a{color:#14315c}`;

/** A whole page: the title is the Markdown's first heading. */
export function markdownPage(markdown: string): string {
  const title = /^# (.*)$/m.exec(markdown)?.[1]?.trim() ?? 'Privacy';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${markdownBody(markdown)}
</main>
</body>
</html>
`;
}
