/**
 * A small, safe markdown renderer for model output: it never parses HTML. Text is split into
 * blocks and inline spans and every piece becomes a DOM node built with createElement and
 * textContent, so nothing the model writes can become markup or script.
 */

/** What a rendered code block can do (wired by the caller). */
export interface CodeActions {
  copy(code: string): void;
  insert(code: string): void;
  apply(code: string): void;
}

/** Inline spans: `code`, **bold**, *em*, [text](https://…). */
function renderInline(text: string, parent: HTMLElement): void {
  const pattern = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*)|(\[[^\]\n]+\]\((https?:\/\/[^)\s]+)\))/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) {
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    }
    const token = m[0];
    if (m[1]) {
      const code = document.createElement('code');
      code.textContent = token.slice(1, -1);
      parent.appendChild(code);
    } else if (m[2]) {
      const strong = document.createElement('strong');
      strong.textContent = token.slice(2, -2);
      parent.appendChild(strong);
    } else if (m[3]) {
      const em = document.createElement('em');
      em.textContent = token.slice(1, -1);
      parent.appendChild(em);
    } else if (m[4] && m[5]) {
      const a = document.createElement('a');
      a.textContent = token.slice(1, token.indexOf(']'));
      // only web links; VS Code opens them outside the webview
      a.href = m[5];
      parent.appendChild(a);
    }
    last = m.index + token.length;
  }
  if (last < text.length) {
    parent.appendChild(document.createTextNode(text.slice(last)));
  }
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'code-action';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function codeBlock(lang: string, code: string, actions: CodeActions | undefined): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'code-block';
  if (actions) {
    const bar = document.createElement('div');
    bar.className = 'code-bar';
    const label = document.createElement('span');
    label.className = 'code-lang';
    label.textContent = lang;
    bar.append(label, button('Copy', () => actions.copy(code)), button('Insert at cursor', () => actions.insert(code)), button('Apply to file', () => actions.apply(code)));
    wrap.appendChild(bar);
  }
  const pre = document.createElement('pre');
  const c = document.createElement('code');
  c.textContent = code;
  pre.appendChild(c);
  wrap.appendChild(pre);
  return wrap;
}

/** Render markdown into `target` (its previous content is replaced). */
export function renderMarkdown(source: string, target: HTMLElement, actions?: CodeActions): void {
  target.replaceChildren();
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) {
      const p = document.createElement('p');
      renderInline(paragraph.join(' '), p);
      target.appendChild(p);
      paragraph = [];
    }
  };
  while (i < lines.length) {
    const line = lines[i];
    const fence = /^\s*(```|~~~)\s*([\w+.-]*)/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) {
        body.push(lines[i]);
        i++;
      }
      i++;
      target.appendChild(codeBlock(fence[2] ?? '', body.join('\n'), actions));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const h = document.createElement(`h${Math.min(6, heading[1].length + 2)}`);
      renderInline(heading[2], h);
      target.appendChild(h);
      i++;
      continue;
    }
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1]);
      const list = document.createElement(ordered ? 'ol' : 'ul');
      while (i < lines.length) {
        const m = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(lines[i]);
        if (!m || /\d/.test(m[1]) !== ordered) {
          break;
        }
        const li = document.createElement('li');
        renderInline(m[2], li);
        list.appendChild(li);
        i++;
      }
      target.appendChild(list);
      continue;
    }
    if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line.trim());
    }
    i++;
  }
  flush();
}
