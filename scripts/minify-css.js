// Minifies the CSS inside Lit's css`…` templates of our sources (esbuild minifies the JavaScript
// around them, not the text of a template literal): for the bundles (scripts/bundle.js, sources())
// and tsc's output in dist/ (scripts/copy-assets.js). Only the template's
// static text is touched, never a `${…}` interpolation or a quoted string; what it does is safe at
// any cut: comments out, runs of white space to one space, no space around `{ } ; ,` or after `:`,
// no `;` before `}`, no space at the template's start or end.

/** Minifies one stretch of CSS text (a template's static part between interpolations). */
export function minifyCssText(text) {
  let out = '';
  for (const part of text.split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/)) {
    if (part.startsWith('"') || part.startsWith("'")) {
      out += part;
      continue;
    }
    out += part
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}');
  }
  return out;
}

/** The source with every css`…` template's static text minified. */
export function minifyCssTemplatesIn(source) {
  let out = '';
  let i = 0;
  for (;;) {
    const start = source.indexOf('css`', i);
    if (start === -1 || /[\w$]/.test(source[start - 1] ?? '')) {
      if (start === -1) return out + source.slice(i);
      out += source.slice(i, start + 4);
      i = start + 4;
      continue;
    }
    out += source.slice(i, start + 4);
    let j = start + 4;
    let chunk = '';
    let first = true;
    // Until the closing backtick; `${…}` copied as it is (with nested braces and strings).
    while (j < source.length && source[j] !== '`') {
      if (source[j] === '\\') {
        chunk += source.slice(j, j + 2);
        j += 2;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        out += first ? minifyCssText(chunk).trimStart() : minifyCssText(chunk);
        first = false;
        chunk = '';
        let depth = 0;
        const from = j;
        j++; // the `{` after `$`
        do {
          if (source[j] === '{') depth++;
          else if (source[j] === '}') depth--;
          j++;
        } while (depth > 0 && j < source.length);
        out += source.slice(from, j);
      } else {
        chunk += source[j];
        j++;
      }
    }
    const last = minifyCssText(chunk).trimEnd();
    out += (first ? last.trimStart() : last) + '`';
    i = j + 1;
  }
}

/** The same for tsc's output, which writes a tagged template as css `…` (dist/, what SSR and bundlers use). */
export function minifyCompiledCssTemplates(source) {
  return minifyCssTemplatesIn(source.replace(/(?<![\w$])css `/g, 'css`'));
}
