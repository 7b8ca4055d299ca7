/** An article for a new draft, as the API or CLI receives it. */
export interface DraftRequest {
  readonly text?: string | null;
  readonly html?: string | null;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly publisher?: string | null;
  readonly published?: string | null;
}

/** The largest article text the desk extracts (as Query.extractArticle). */
export const MAX_ARTICLE_CHARACTERS = 200_000;
/** The largest saved page the desk reads. */
export const MAX_PAGE_CHARACTERS = 2_000_000;

/** Every problem with a draft request, by input field; empty when it is fine. Pure. */
export function articleInputProblems(request: DraftRequest): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const given = (value: string | null | undefined) =>
    value !== null && value !== undefined && value.trim() !== '';
  if (given(request.text) === given(request.html))
    problems.push({
      field: 'input.text',
      message: 'give the article as text or as a saved page (html), one of the two',
    });
  if (request.text && request.text.length > MAX_ARTICLE_CHARACTERS)
    problems.push({ field: 'input.text', message: `at most ${MAX_ARTICLE_CHARACTERS} characters` });
  if (request.html && request.html.length > MAX_PAGE_CHARACTERS)
    problems.push({ field: 'input.html', message: `at most ${MAX_PAGE_CHARACTERS} characters` });
  if (given(request.published) && !isCalendarDate(request.published!.trim()))
    problems.push({ field: 'input.published', message: 'must be a date YYYY-MM-DD' });
  if (given(request.url) && !/^https?:\/\/\S+$/.test(request.url!.trim()))
    problems.push({ field: 'input.url', message: 'must be an http(s) URL' });
  for (const field of ['title', 'publisher'] as const) {
    const value = request[field];
    if (value && value.length > 500)
      problems.push({ field: `input.${field}`, message: 'at most 500 characters' });
  }
  return problems;
}

/** A real day of the calendar, written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
