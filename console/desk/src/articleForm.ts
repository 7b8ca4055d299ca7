// The "New article" form: pasted text, or a saved web page chosen or dropped (sent as `html`, which
// the server reads with Readability), with the publisher, address and date the editor knows.
import type { CreateDraftInput } from './api';
import { byId } from './dom';

/** What the form hands to the page; resolves true once the draft is made. */
export type SubmitArticle = (input: CreateDraftInput) => Promise<boolean>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Wires the form in index.html to `submit`. */
export function installArticleForm(submit: SubmitArticle): void {
  const form = byId<HTMLFormElement>('article-form');
  const text = byId<HTMLTextAreaElement>('article-text');
  const dropZone = byId('drop-zone');
  const fileInput = byId<HTMLInputElement>('article-file');
  const pageFile = byId('page-file');
  const pageFileName = byId('page-file-name');
  const message = byId('form-message');
  const field = (id: string) => byId<HTMLInputElement>(id);
  let page: { name: string; html: string } | null = null;

  const say = (words: string) => {
    message.textContent = words;
    message.hidden = !words;
  };

  const showPage = () => {
    pageFile.hidden = !page;
    text.hidden = Boolean(page);
    if (page) {
      const kB = Math.max(1, Math.round(page.html.length / 1024));
      pageFileName.textContent = `${page.name} (${kB} kB): its article text, headline, byline and date are read on the server.`;
    }
  };

  async function takeFile(file: File) {
    const name = file.name.toLowerCase();
    const isHtml = /\.x?html?$/.test(name) || file.type === 'text/html';
    const isText = name.endsWith('.txt') || file.type === 'text/plain';
    if (!isHtml && !isText) {
      say(`${file.name} is neither a saved web page (.html) nor a text file (.txt).`);
      return;
    }
    const content = await file.text();
    say('');
    if (isHtml) {
      page = { name: file.name, html: content };
    } else {
      page = null;
      text.value = content;
    }
    showPage();
  }

  fileInput.addEventListener('change', () => {
    const [file] = fileInput.files ?? [];
    if (file) void takeFile(file);
  });
  byId('page-file-remove').addEventListener('click', () => {
    page = null;
    fileInput.value = '';
    showPage();
    text.focus();
  });
  for (const type of ['dragenter', 'dragover']) {
    dropZone.addEventListener(type, (event) => {
      event.preventDefault();
      dropZone.classList.add('dragging');
    });
  }
  for (const type of ['dragleave', 'drop']) {
    dropZone.addEventListener(type, () => dropZone.classList.remove('dragging'));
  }
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (file) void takeFile(file);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input: CreateDraftInput = {};
    if (page) input.html = page.html;
    else if (text.value.trim()) input.text = text.value;
    else {
      say('Paste the article text, or choose or drop a saved web page.');
      text.focus();
      return;
    }
    const published = field('article-published').value.trim();
    if (published && !DATE.test(published)) {
      say('Write the date as YYYY-MM-DD, e.g. 2025-03-04.');
      field('article-published').focus();
      return;
    }
    const optional = { title: 'article-title', publisher: 'article-publisher', url: 'article-url' };
    for (const [name, id] of Object.entries(optional)) {
      const value = field(id).value.trim();
      if (value) input[name as keyof typeof optional] = value;
    }
    if (published) input.published = published;
    say('');
    void submit(input).then((made) => {
      if (!made) return;
      form.reset();
      page = null;
      showPage();
    });
  });
}
