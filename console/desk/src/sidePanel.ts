// The draft's side panel: how far the review is (counts), the figures this article states
// differently from the graph's claim it is matched to, the sources it cites, each to be linked
// to a source in the graph or written as a new placeholder, and the stored sources it copies.
import type { Draft, DraftCitation, DraftCitationUpdate, DraftFigureConflict } from './api';
import { copiesSection, type CopiesHandlers } from './copiesSection';
import { el } from './dom';
import { explorerHref } from './links';

/** What the side panel asks of the page. */
export interface SidePanelHandlers extends CopiesHandlers {
  updateCitation(citationId: string, update: DraftCitationUpdate): void;
  /** Selects the first item about the draft claim `draftClaimId`. */
  showClaim(draftClaimId: string): void;
}

function countsSection(draft: Draft): HTMLElement {
  const { pending, accepted, rejected } = draft.counts;
  const count = (name: string, value: number) =>
    el(
      'div',
      { class: `count count-${name}` },
      el('span', { class: 'count-value', 'data-testid': `count-${name}` }, String(value)),
      el('span', { class: 'count-label' }, name),
    );
  return el(
    'section',
    { class: 'side-section', 'aria-label': 'Counts' },
    el(
      'div',
      { class: 'counts' },
      count('pending', pending),
      count('accepted', accepted),
      count('rejected', rejected),
    ),
  );
}

/** A figure as written, with its normalised value when that reads differently (`3.325` = 3,325). */
function figure(raw: string, value: number): (Node | string)[] {
  const normalised = value.toLocaleString('en');
  return raw === normalised ? [el('code', {}, raw)] : [el('code', {}, raw), ` (${normalised})`];
}

function conflictLine(conflict: DraftFigureConflict, handlers: SidePanelHandlers): HTMLElement {
  const show = el('button', { type: 'button', class: 'link-button' }, 'show the item');
  show.addEventListener('click', () => handlers.showClaim(conflict.draftClaimId));
  return el(
    'li',
    { class: 'conflict', 'data-draft-claim-id': conflict.draftClaimId },
    el(
      'div',
      {},
      el('strong', {}, conflict.unit),
      ': this article ',
      figure(conflict.draftRaw, conflict.draftValue),
      ', the graph ',
      figure(conflict.graphRaw, conflict.graphValue),
    ),
    el(
      'div',
      { class: 'small' },
      el(
        'a',
        { href: explorerHref(conflict.claim.id), target: '_blank', rel: 'noopener' },
        conflict.claim.text,
      ),
      ' · ',
      show,
    ),
  );
}

function conflictsSection(draft: Draft, handlers: SidePanelHandlers): HTMLElement {
  return el(
    'section',
    { class: 'side-section', 'aria-label': 'Figure conflicts' },
    el('h2', {}, `Figure conflicts (${draft.figureConflicts.length})`),
    draft.figureConflicts.length === 0
      ? el('p', { class: 'muted small' }, 'No figure differs from the graph’s matched claims.')
      : el(
          'ul',
          { class: 'conflicts' },
          draft.figureConflicts.map((c) => conflictLine(c, handlers)),
        ),
  );
}

function citationOption(
  citation: DraftCitation,
  value: string,
  checked: boolean,
  body: (Node | string | null)[],
  update: DraftCitationUpdate,
  handlers: SidePanelHandlers,
): HTMLElement {
  const radio = el('input', { type: 'radio', name: `citation-${citation.id}`, value });
  radio.checked = checked;
  radio.addEventListener('change', () => {
    if (radio.checked) handlers.updateCitation(citation.id, update);
  });
  return el(
    'label',
    { class: `match-option${checked ? ' chosen' : ''}` },
    radio,
    el('span', {}, ...body),
  );
}

function citationCard(draft: Draft, citation: DraftCitation, handlers: SidePanelHandlers) {
  const chosenId = citation.chosen?.source.id ?? null;
  const options = citation.matches.map((match) =>
    citationOption(
      citation,
      match.source.id,
      chosenId === match.source.id,
      [
        el('span', { class: `badge tier-${match.tier.toLowerCase()}` }, match.tier.toLowerCase()),
        ' ',
        el('span', { class: 'score' }, match.score.toFixed(2)),
        ' ',
        el('span', { class: 'match-text' }, match.source.title),
        el('span', { class: 'muted small match-reason' }, match.reason),
      ],
      { sourceId: match.source.id },
      handlers,
    ),
  );
  options.push(
    citationOption(
      citation,
      '',
      chosenId === null,
      [el('strong', {}, 'New placeholder source')],
      { asNew: true },
      handlers,
    ),
  );
  // With nothing in the graph to link to there is no choice to offer, only what will happen.
  const choice =
    citation.matches.length === 0
      ? el(
          'div',
          { class: 'muted small' },
          'No source in the graph resembles it: written as a new placeholder.',
        )
      : el(
          'fieldset',
          { class: 'matches', disabled: draft.status === 'OPEN' ? undefined : '' },
          options,
        );
  const where = citation.evidence
    .filter((evidence) => evidence.end > evidence.start)
    .map((evidence) => `“${draft.text.slice(evidence.start, evidence.end)}”`);
  return el(
    'li',
    { class: 'citation', 'data-citation-id': citation.id },
    el(
      'div',
      {},
      el('strong', {}, citation.title),
      ' ',
      el('span', { class: 'muted small' }, citation.kind),
    ),
    citation.publisher
      ? el(
          'div',
          { class: 'small' },
          'published by ',
          citation.publisher.name,
          ' ',
          el(
            'span',
            { class: `badge ${citation.publisher.existing ? 'badge-existing' : 'badge-new'}` },
            citation.publisher.existing ? 'in the graph' : 'new',
          ),
        )
      : null,
    where.length > 0 ? el('div', { class: 'muted small' }, `named as ${where.join(', ')}`) : null,
    choice,
  );
}

function citationsSection(draft: Draft, handlers: SidePanelHandlers): HTMLElement {
  return el(
    'section',
    { class: 'side-section', 'aria-label': 'Cited sources' },
    el('h2', {}, `Cited sources (${draft.citations.length})`),
    draft.citations.length === 0
      ? el('p', { class: 'muted small' }, 'The article names no source it draws on.')
      : el(
          'ul',
          { class: 'citations' },
          draft.citations.map((c) => citationCard(draft, c, handlers)),
        ),
  );
}

function aboutSection(draft: Draft): HTMLElement {
  const row = (term: string, ...value: (Node | string)[]) =>
    el('div', {}, el('dt', {}, term), el('dd', {}, ...value));
  return el(
    'section',
    { class: 'side-section about' },
    el('h2', {}, 'This draft'),
    el(
      'dl',
      { class: 'small' },
      row('id', el('code', {}, draft.id)),
      row('created', `${draft.createdBy}, ${draft.createdAt}`),
      row('changed', `${draft.updatedBy}, ${draft.updatedAt}`),
      row('revision', String(draft.revision)),
      row('extractor', draft.extractorVersion),
    ),
  );
}

/** The side panel of `draft`. */
export function sidePanel(draft: Draft, handlers: SidePanelHandlers): HTMLElement {
  return el(
    'div',
    { class: 'side-panel' },
    countsSection(draft),
    conflictsSection(draft, handlers),
    citationsSection(draft, handlers),
    copiesSection(draft, handlers),
    aboutSection(draft),
  );
}
