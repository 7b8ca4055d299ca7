// The selected item's panel: what the extractor proposed (speaker, stance, claim, its match in the
// graph, the evidence, the confidence) and the controls to change it, accept it or reject it.
import { STANCE_COLOURS, STANCE_MEANINGS, STANCES, type Stance } from '../../explore/src/theme';
import type { ClaimMatch, Draft, DraftActorReview, DraftItem, DraftItemUpdate } from './api';
import { el } from './dom';
import { explorerHref } from './links';

/**
 * What the panel asks of the page. `update` resolves true once the change is saved, and calls
 * `onSaved` first, before the page redraws the panel.
 */
export interface ItemPanelHandlers {
  update(update: DraftItemUpdate, onSaved?: () => void): Promise<boolean>;
  previous(): void;
  next(): void;
}

// Typed but unsaved text (a claim being reworded, a speaker's name), by item and field, so that
// a save elsewhere on the page, which redraws the panel, does not throw the editor's words away.
const unsaved = new Map<string, string>();
const unsavedKey = (itemId: string, field: string) => `${itemId} ${field}`;

const percent = (value: number) => `${Math.round(value * 100)} %`;
const score = (value: number) => value.toFixed(2);

/** The span as written, its quoted words in `<em>`. */
function quoteNodes(draft: Draft, item: DraftItem): (Node | string)[] {
  const nodes: (Node | string)[] = [];
  let at = item.quoteStart;
  for (const words of [...item.quotedWords].sort((a, b) => a.start - b.start)) {
    if (words.start < at || words.end > item.quoteEnd) continue;
    nodes.push(
      draft.text.slice(at, words.start),
      el('em', {}, draft.text.slice(words.start, words.end)),
    );
    at = words.end;
  }
  nodes.push(draft.text.slice(at, item.quoteEnd));
  return nodes;
}

/** A speaker's identity line: name, existing or new, score and why. */
export function actorBadge(actor: DraftActorReview): HTMLElement {
  return el(
    'div',
    { class: 'actor', 'data-testid': 'speaker' },
    el('strong', { class: 'actor-name' }, actor.name),
    ' ',
    el(
      'span',
      { class: `badge ${actor.existing ? 'badge-existing' : 'badge-new'}` },
      actor.existing ? 'in the graph' : 'new',
    ),
    ' ',
    el('span', { class: 'muted small' }, actor.kind.toLowerCase().replace('_', ' ')),
    actor.anonymous ? el('span', { class: 'badge badge-anonymous' }, 'anonymous') : null,
    el(
      'div',
      { class: 'muted small actor-reason' },
      `score ${score(actor.score)} · ${actor.reason}`,
      actor.existing ? el('code', { class: 'actor-id' }, ` ${actor.id}`) : null,
    ),
  );
}

function speakerSection(draft: Draft, item: DraftItem, handlers: ItemPanelHandlers): HTMLElement {
  const nameKey = unsavedKey(item.id, 'speaker');
  const nameInput = el('input', {
    id: 'speaker-name',
    type: 'text',
    placeholder: 'Type a name, e.g. Paul Nakasone',
    autocomplete: 'off',
  });
  nameInput.value = unsaved.get(nameKey) ?? '';
  nameInput.addEventListener('input', () => unsaved.set(nameKey, nameInput.value));
  const setButton = el('button', { type: 'submit', id: 'speaker-set' }, 'Set speaker');
  const nameForm = el(
    'form',
    { class: 'inline-form', 'aria-label': 'Speaker by name' },
    nameInput,
    setButton,
  );
  nameForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (!name) return;
    void handlers.update({ actorName: name }, () => unsaved.delete(nameKey));
  });

  const others = draft.actors.filter((actor) => actor.id !== item.actor.id);
  const choose = el(
    'select',
    { id: 'speaker-choose', 'aria-label': 'Or choose one of the draft’s speakers' },
    el('option', { value: '' }, 'or choose one of this draft’s speakers…'),
    others.map((actor) =>
      el('option', { value: actor.id }, `${actor.name}${actor.existing ? '' : ' (new)'}`),
    ),
  );
  choose.disabled = others.length === 0;
  choose.addEventListener('change', () => {
    if (choose.value) void handlers.update({ actorId: choose.value });
  });
  return el(
    'section',
    { class: 'panel-section' },
    el('h3', {}, 'Speaker'),
    actorBadge(item.actor),
    nameForm,
    choose,
  );
}

function stanceSection(item: DraftItem, handlers: ItemPanelHandlers): HTMLElement {
  const select = el(
    'select',
    { id: 'stance-select', 'aria-label': 'Stance' },
    STANCES.map((stance) =>
      el('option', { value: stance }, `${stance.toLowerCase()} — ${STANCE_MEANINGS[stance]}`),
    ),
  );
  select.value = item.stance;
  select.style.setProperty('--stance', STANCE_COLOURS[item.stance]);
  select.addEventListener('change', () => void handlers.update({ stance: select.value as Stance }));
  return el(
    'section',
    { class: 'panel-section' },
    el('h3', {}, el('label', { for: 'stance-select' }, 'Stance')),
    select,
  );
}

function claimSection(item: DraftItem, handlers: ItemPanelHandlers): HTMLElement {
  const { claim } = item;
  const textKey = unsavedKey(item.id, 'claim');
  const textArea = el('textarea', { id: 'claim-text', rows: '4', spellcheck: 'true' });
  textArea.value = unsaved.get(textKey) ?? claim.text;
  const save = el('button', { type: 'submit', id: 'claim-save' }, 'Save claim text');
  const refresh = () => {
    save.disabled = textArea.value.trim() === claim.text || !textArea.value.trim();
  };
  refresh();
  textArea.addEventListener('input', () => {
    unsaved.set(textKey, textArea.value);
    refresh();
  });
  const form = el('form', { class: 'claim-form', 'aria-label': 'Claim text' }, textArea, save);
  const submit = () => {
    const text = textArea.value.trim();
    if (!text || text === claim.text) return;
    void handlers.update({ claimText: text }, () => unsaved.delete(textKey));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  // Ctrl+Enter (⌘+Enter) saves, as in most editors' text boxes.
  textArea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });
  return el(
    'section',
    { class: 'panel-section' },
    el('h3', {}, el('label', { for: 'claim-text' }, 'Claim')),
    form,
    claim.text !== claim.extractedText
      ? el('p', { class: 'muted small' }, 'Extracted as: ', el('q', {}, claim.extractedText))
      : null,
    claim.figures.length > 0
      ? el(
          'ul',
          { class: 'figures' },
          claim.figures.map((figure) =>
            el(
              'li',
              {},
              el('code', {}, figure.raw),
              ` ${figure.unit} = ${figure.value.toLocaleString('en')}`,
              figure.changeRaw
                ? el('span', { class: 'muted' }, ` (change ${figure.changeRaw})`)
                : null,
            ),
          ),
        )
      : null,
    claim.refersTo
      ? el('p', { class: 'muted small' }, `About ${claim.refersTo.value} (${claim.refersTo.basis})`)
      : null,
  );
}

function matchOption(
  item: DraftItem,
  value: string,
  checked: boolean,
  body: (Node | string | null)[],
  onChoose: () => void,
): HTMLElement {
  const radio = el('input', { type: 'radio', name: `claim-match-${item.id}`, value });
  radio.checked = checked;
  radio.addEventListener('change', () => {
    if (radio.checked) onChoose();
  });
  return el(
    'label',
    { class: `match-option${checked ? ' chosen' : ''}` },
    radio,
    el('span', {}, ...body),
  );
}

function matchBody(match: ClaimMatch): (Node | string | null)[] {
  return [
    el('span', { class: `badge tier-${match.tier.toLowerCase()}` }, match.tier.toLowerCase()),
    ' ',
    el('span', { class: 'score' }, score(match.score)),
    ' ',
    el('span', { class: 'match-text' }, match.claim.text),
    el('span', { class: 'muted small match-reason' }, match.reason),
    el(
      'a',
      { href: explorerHref(match.claim.id), target: '_blank', rel: 'noopener', class: 'small' },
      'open in the explorer',
    ),
  ];
}

function matchSection(item: DraftItem, handlers: ItemPanelHandlers): HTMLElement {
  const { claim } = item;
  const chosenId = claim.chosen?.claim.id ?? null;
  const options = claim.matches.map((match) =>
    matchOption(item, match.claim.id, chosenId === match.claim.id, matchBody(match), () => {
      void handlers.update({ claimMatchId: match.claim.id });
    }),
  );
  options.push(
    matchOption(
      item,
      '',
      chosenId === null,
      [
        el('strong', {}, 'New claim'),
        el('span', { class: 'muted small match-reason' }, 'stored as a claim of its own'),
      ],
      () => void handlers.update({ claimIsNew: true }),
    ),
  );
  return el(
    'section',
    { class: 'panel-section' },
    el('h3', {}, 'Same claim in the graph?'),
    claim.matches.length === 0
      ? el('p', { class: 'muted small' }, 'No claim in the graph resembles this one.')
      : null,
    el('div', { class: 'matches', role: 'radiogroup', 'aria-label': 'Claim match' }, options),
  );
}

function evidenceSection(draft: Draft, item: DraftItem): HTMLElement {
  return el(
    'section',
    { class: 'panel-section' },
    el('h3', {}, 'Evidence'),
    el(
      'p',
      { class: 'small' },
      'Confidence ',
      el('meter', { min: '0', max: '1', value: String(item.confidence), class: 'confidence' }),
      ` ${percent(item.confidence)}`,
    ),
    el(
      'ul',
      { class: 'evidence' },
      item.evidence.map((evidence) =>
        el(
          'li',
          {},
          el('code', {}, evidence.rule),
          evidence.end > evidence.start
            ? el(
                'span',
                { class: 'evidence-span' },
                ` “${draft.text.slice(evidence.start, evidence.end)}”`,
              )
            : null,
          evidence.note ? el('span', { class: 'muted' }, ` — ${evidence.note}`) : null,
        ),
      ),
    ),
  );
}

function said(item: DraftItem): string {
  if (!item.said) return 'not stated';
  const raw = item.said.raw ? `“${item.said.raw}” → ` : '';
  return `${raw}${item.said.value} (${item.said.precision.toLowerCase()}; ${item.said.basis})`;
}

/** The panel for `item`, the `index`-th (from 0) of the draft's items. */
export function itemPanel(
  draft: Draft,
  item: DraftItem,
  index: number,
  handlers: ItemPanelHandlers,
): HTMLElement {
  const decision = item.decision.toLowerCase();
  const accept = el('button', { type: 'button', id: 'item-accept', class: 'accept' }, 'Accept');
  const reject = el('button', { type: 'button', id: 'item-reject', class: 'reject' }, 'Reject');
  const reset = el('button', { type: 'button', id: 'item-reset' }, 'Back to pending');
  accept.append(el('kbd', {}, 'a'));
  reject.append(el('kbd', {}, 'r'));
  accept.disabled = item.decision === 'ACCEPTED';
  reject.disabled = item.decision === 'REJECTED';
  reset.hidden = item.decision === 'PENDING';
  accept.addEventListener('click', () => void handlers.update({ decision: 'ACCEPTED' }));
  reject.addEventListener('click', () => void handlers.update({ decision: 'REJECTED' }));
  reset.addEventListener('click', () => void handlers.update({ decision: 'PENDING' }));
  const previous = el('button', { type: 'button', 'aria-label': 'Previous item (k)' }, '↑');
  const next = el('button', { type: 'button', 'aria-label': 'Next item (j)' }, '↓');
  previous.disabled = index === 0;
  next.disabled = index === draft.items.length - 1;
  previous.addEventListener('click', handlers.previous);
  next.addEventListener('click', handlers.next);

  // A fieldset disables every control at once when the draft can no longer change.
  const controls = el(
    'fieldset',
    { class: 'item-controls' },
    speakerSection(draft, item, handlers),
    stanceSection(item, handlers),
    claimSection(item, handlers),
    matchSection(item, handlers),
  );
  controls.disabled = draft.status !== 'OPEN';
  const decisions = el('div', { class: 'decision-buttons' }, accept, reject, reset);
  const decisionSet = el('fieldset', { class: 'item-decide' }, decisions);
  decisionSet.disabled = draft.status !== 'OPEN';

  return el(
    'div',
    { class: 'item-panel', 'data-item-id': item.id, 'data-decision': decision },
    el(
      'header',
      { class: 'item-head' },
      el('span', {}, `Item ${index + 1} of ${draft.items.length}`),
      el(
        'span',
        { class: `badge decision decision-${decision}`, 'data-testid': 'decision' },
        decision,
      ),
      item.edited ? el('span', { class: 'badge badge-edited' }, 'edited') : null,
      el('span', { class: 'item-nav' }, previous, next),
    ),
    el('blockquote', { class: 'quote' }, quoteNodes(draft, item)),
    el(
      'p',
      { class: 'muted small facts' },
      `${item.speech === 'DIRECT' ? 'Direct' : 'Indirect'} speech · cue “${item.cue}” · said ${said(item)}`,
    ),
    decisionSet,
    controls,
    evidenceSection(draft, item),
  );
}
