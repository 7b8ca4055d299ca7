// The side panel: a summary of the loaded claim, and the details of the hovered or selected node
// or edge.
import {
  claimCopyLinks,
  copyLinkKey,
  type Attribution,
  type ChainSource,
  type ClaimView,
  type FigureConflict,
  type Quantity,
  type RelatedClaim,
  type TimeExpression,
} from './api';
import { copyLinkDetails } from './copyLinks';
import { el } from './dom';
import { isUnnamed, kindWords, nodeId, shortName } from './graph';
import { STANCE_COLOURS, STANCE_MEANINGS } from './theme';

/** What the details panel is asked to show: an element's `type` and `entityId` data fields. */
export interface Target {
  type: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** The href that opens another claim in the explorer. */
export const claimHref = (claimId: string): string => `?claim=${encodeURIComponent(claimId)}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function row(label: string, ...value: (Node | string)[]): HTMLElement[] {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

function stanceBadge(stance: string): HTMLElement {
  const colour = STANCE_COLOURS[stance as keyof typeof STANCE_COLOURS] ?? '#475569';
  return el(
    'span',
    { class: 'badge', style: `--badge: ${colour}`, 'data-stance': stance },
    stance.toLowerCase(),
  );
}

function timeText(time: TimeExpression | null): (Node | string)[] {
  if (!time) return ['not known'];
  const raw = time.raw
    ? el('q', {}, time.raw)
    : el('span', { class: 'muted' }, 'no expression in the text');
  return [
    raw,
    ' → ',
    el('strong', {}, time.value),
    ` (${time.precision.toLowerCase()})`,
    el('div', { class: 'muted small' }, time.basis),
  ];
}

function claimLink(claim: RelatedClaim): HTMLElement {
  return el(
    'a',
    { href: claimHref(claim.id), class: 'claim-link', 'data-claim-id': claim.id },
    claim.text,
  );
}

/**
 * Selects a source's node in the graph, which shows its details just as clicking the node does.
 * The graph belongs to main.ts; `window.__explorer` is the handle it publishes to reach it.
 */
function showSourceInGraph(sourceId: string): void {
  const cy = window.__explorer?.cy;
  const node = cy?.getElementById(nodeId('source', sourceId));
  if (!cy || !node || node.empty()) return;
  cy.elements(':selected').unselect();
  node.select();
}

/**
 * A source named in the summary: a link that shows it in the graph when it is drawn there (the
 * graph draws the sources on the claim's chains), plain text otherwise. A link rather than a
 * button so that long titles wrap with the sentence around them.
 */
function sourceName(source: { id: string; title: string }, drawn: boolean): HTMLElement {
  const attributes = { class: 'source-name', 'data-source-id': source.id };
  if (!drawn) return el('span', attributes, source.title);
  const link = el(
    'a',
    {
      href: `#${encodeURIComponent(source.id)}`,
      class: 'source-link',
      'data-source-id': source.id,
      title: 'Show this source in the graph',
    },
    source.title,
  );
  link.addEventListener('click', (event) => {
    // The URL holds the claim and the search only; selecting a source is not a navigation.
    event.preventDefault();
    showSourceInGraph(source.id);
  });
  return link;
}

/** A number as the summary writes figures, e.g. 3,325. */
const figureValue = (value: number): string => value.toLocaleString('en');

/** A figure, its unit and (when written otherwise) its wording: `3,325 IP addresses (“3.325”)`. */
function figureText(figure: Pick<Quantity, 'value' | 'raw' | 'unit'>): (Node | string | false)[] {
  return [
    el('strong', {}, figureValue(figure.value)),
    ` ${figure.unit}`,
    figure.raw !== figureValue(figure.value) &&
      el('span', { class: 'muted' }, ` (“${figure.raw}”)`),
  ];
}

/**
 * One figure the claim's sources state differently: `Figures differ: IP addresses — 3,325 (A),
 * 3,525 (B)`, each value with its wording when that is not how the summary writes the number.
 */
function figureConflictItem(conflict: FigureConflict, drawn: Set<string>): HTMLElement {
  return el(
    'li',
    { 'data-testid': 'figure-conflict', 'data-unit': conflict.unit },
    `Figures differ: ${conflict.unit} — `,
    conflict.values.flatMap((stated, index) => [
      index > 0 ? ', ' : '',
      el(
        'span',
        { class: 'stated-figure', 'data-value': String(stated.value) },
        el('strong', {}, figureValue(stated.value)),
        stated.raw !== figureValue(stated.value) &&
          el('span', { class: 'muted' }, ` “${stated.raw}”`),
        ' (',
        stated.sources.flatMap((source, at) => [
          at > 0 ? '; ' : '',
          sourceName(source, drawn.has(source.id)),
        ]),
        ')',
      ),
    ]),
  );
}

function chainSources(claim: ClaimView): Map<string, { source: ChainSource; positions: string[] }> {
  const found = new Map<string, { source: ChainSource; positions: string[] }>();
  claim.sourcingChains.forEach((chain, chainIndex) => {
    for (const hop of chain.hops) {
      const entry = found.get(hop.source.id) ?? { source: hop.source, positions: [] };
      const where =
        hop.source.id === chain.origin.id
          ? `origin of chain ${chainIndex + 1}`
          : `hop ${hop.position} of chain ${chainIndex + 1}`;
      entry.positions.push(where);
      found.set(hop.source.id, entry);
    }
  });
  return found;
}

function chainList(claim: ClaimView): HTMLElement | string {
  if (claim.sourcingChains.length === 0) return el('p', { class: 'muted' }, 'none known');
  return el(
    'ol',
    { class: claim.sourcingChains.length === 1 ? 'chains single' : 'chains' },
    claim.sourcingChains.map((chain) =>
      el(
        'li',
        {},
        el(
          'ol',
          { class: 'hops' },
          chain.hops.map((hop) =>
            el(
              'li',
              {
                title: hop.viaCopy
                  ? `${hop.source.title} (copied by the previous source, which does not cite it)`
                  : hop.source.title,
              },
              hop.viaCopy && el('span', { class: 'copied-hop' }, '❐ copied: '),
              hop.source.id === chain.origin.id && chain.reachesPrimary ? '★ ' : '',
              hop.source.title,
            ),
          ),
        ),
        el(
          'div',
          { class: 'small' },
          chain.reachesPrimary
            ? el('span', { class: 'ok' }, '✓ reaches a primary source')
            : el('span', { class: 'warn' }, '⚠ ends before a primary source'),
          ' · ',
          chain.circular
            ? el('span', { class: 'warn' }, '↻ circular')
            : el('span', { class: 'ok' }, 'not circular'),
        ),
      ),
    ),
  );
}

/** The summary of the loaded claim: text, figures, origins, chains, who said it. */
export function claimSummary(claim: ClaimView, graphiqlHref: string): HTMLElement {
  const byStance = new Map<string, string[]>();
  for (const attribution of claim.attributions) {
    const names = byStance.get(attribution.stance) ?? [];
    const name = `${isUnnamed(attribution.actor) ? '? ' : ''}${shortName(attribution.actor)}`;
    if (!names.includes(name)) names.push(name);
    byStance.set(attribution.stance, names);
  }
  const circular = claim.sourcingChains.filter((chain) => chain.circular).length;
  return el(
    'section',
    { class: 'summary', 'data-claim-id': claim.id },
    el('h2', {}, 'Claim'),
    el('p', { class: 'claim-text' }, claim.text),
    el('p', { class: 'muted small' }, el('code', {}, claim.id)),
    el(
      'p',
      { class: 'links' },
      el(
        'a',
        { id: 'graphiql-link', href: graphiqlHref, target: '_blank', rel: 'noopener' },
        'Open this query in GraphiQL ↗',
      ),
    ),
    claim.quantities.length > 0 &&
      el(
        'ul',
        { class: 'quantities' },
        claim.quantities.map((quantity) =>
          el(
            'li',
            {},
            el('strong', {}, quantity.value.toLocaleString('en')),
            ` ${quantity.unit}`,
            el('span', { class: 'muted' }, ` (“${quantity.raw}”)`),
            quantity.change &&
              el(
                'span',
                {},
                `, ${quantity.change.value > 0 ? '+' : ''}${quantity.change.value} ${quantity.change.unit} ${quantity.change.basis}`,
              ),
          ),
        ),
      ),
    el(
      'dl',
      { class: 'facts' },
      row(
        'Independent origins',
        el('strong', { 'data-testid': 'independent-origins' }, String(claim.independentOrigins)),
        el(
          'span',
          { class: 'muted small' },
          ' — primary sources left after collapsing those that cite one another or share a publisher, owner or state',
        ),
      ),
      row('Warnings', warningList(claim)),
      row(
        'Circular reporting',
        circular > 0
          ? el(
              'span',
              { class: 'warn', 'data-testid': 'circular' },
              `yes: ${plural(circular, 'chain')} cite back into themselves`,
            )
          : el('span', { 'data-testid': 'circular' }, 'no'),
      ),
      row(
        'Said by',
        claim.attributions.length === 0
          ? 'nobody on record'
          : el(
              'ul',
              { class: 'stances' },
              [...byStance].map(([stance, names]) =>
                el('li', {}, stanceBadge(stance), ' ', names.join(', ')),
              ),
            ),
      ),
    ),
    el(
      'h3',
      { class: 'chains-title' },
      claim.sourcingChains.length === 1
        ? 'Sourcing chain'
        : `Sourcing chains (${claim.sourcingChains.length})`,
    ),
    chainList(claim),
  );
}

/** The sourcing flags a journalist checks first, in words. */
function warningList(claim: ClaimView): HTMLElement {
  const { flags } = claim.sourcing;
  const drawn = new Set(chainSources(claim).keys());
  const warnings: (HTMLElement | string)[] = [
    flags.singleOrigin ? 'one independent origin only' : '',
    flags.onlyStateAffiliated
      ? `reaches this source only through outlets or agencies affiliated with ${flags.stateAffiliations.map((s) => s.name).join(', ')}`
      : '',
    flags.onlyAnonymousSpeakers ? 'only anonymous or unnamed speakers' : '',
    flags.deniedBy.length > 0 ? `denied by ${flags.deniedBy.map((a) => a.name).join(', ')}` : '',
    flags.uncreditedCopiers.length > 0
      ? el(
          'li',
          { 'data-testid': 'copied-without-credit' },
          'copied without credit: ',
          flags.uncreditedCopiers.flatMap((source, at) => [
            at > 0 ? '; ' : '',
            sourceName(source, drawn.has(source.id)),
          ]),
        )
      : '',
    ...flags.figureConflicts.map((conflict) => figureConflictItem(conflict, drawn)),
  ].filter((warning) => warning !== '');
  return warnings.length === 0
    ? el('span', { 'data-testid': 'warnings' }, 'none')
    : el(
        'ul',
        { class: 'warn', 'data-testid': 'warnings' },
        warnings.map((warning) => (typeof warning === 'string' ? el('li', {}, warning) : warning)),
      );
}

function attributionDetails(attribution: Attribution, sourceTitle: string): HTMLElement[] {
  const actor = attribution.actor;
  return [
    el(
      'h3',
      {},
      actor.name,
      ' ',
      stanceBadge(attribution.stance),
      isUnnamed(actor) &&
        el(
          'span',
          { class: 'tag-unnamed' },
          actor.kind === 'UNNAMED_GROUP' ? 'unnamed group' : 'anonymous',
        ),
    ),
    el('blockquote', { class: 'quote' }, attribution.quote),
    el(
      'p',
      { class: 'muted small where' },
      'Characters ',
      el('span', { class: 'offsets' }, `${attribution.quoteStart}–${attribution.quoteEnd}`),
      ` in ${sourceTitle}`,
    ),
    el(
      'dl',
      { class: 'facts' },
      row(
        'Stance',
        `${attribution.stance.toLowerCase()} — ${STANCE_MEANINGS[attribution.stance] ?? ''}`,
      ),
      row('Cue', el('q', {}, attribution.cue)),
      row(
        'Speech',
        attribution.speech === 'DIRECT' ? 'direct (quoted words)' : 'indirect (reported)',
      ),
      row('Said', ...timeText(attribution.said)),
      attribution.figures.length > 0
        ? row(
            'Figures here',
            el(
              'ul',
              { class: 'quantities', 'data-testid': 'attribution-figures' },
              attribution.figures.map((figure) => el('li', {}, ...figureText(figure))),
            ),
          )
        : [],
      row('Attribution', el('code', {}, attribution.id)),
    ),
  ];
}

/**
 * The rows a source's details get for each figure it states differently from other sources of
 * the claim: `IP addresses: 3,525 here; 3,325 elsewhere`. None when it agrees with them all.
 */
function figuresStatedBy(claim: ClaimView, sourceId: string): HTMLElement[] {
  return claim.sourcing.flags.figureConflicts.flatMap((conflict) => {
    const here = conflict.values.filter((stated) => stated.sources.some((s) => s.id === sourceId));
    if (here.length === 0) return [];
    const elsewhere = conflict.values.filter((stated) => !here.includes(stated));
    return row(
      'Figures differ',
      el(
        'span',
        { class: 'warn', 'data-testid': 'source-figure-conflict' },
        `${conflict.unit}: ${here.map((stated) => figureValue(stated.value)).join(' and ')} here`,
        elsewhere.length > 0
          ? `; ${elsewhere.map((stated) => figureValue(stated.value)).join(', ')} elsewhere`
          : '',
      ),
    );
  });
}

/** A source's confirmed copy links, either way, each with its passages side by side. */
function copyLinksOf(claim: ClaimView, sourceId: string): HTMLElement[] {
  const links = [...claimCopyLinks(claim).values()].filter(
    (link) => link.copier.id === sourceId || link.original.id === sourceId,
  );
  if (links.length === 0) return [];
  return [
    el('h3', {}, `Copy links (${links.length})`),
    ...links.map((link) => copyLinkDetails(link)),
  ];
}

/** Details of one node or edge of the picture. */
export function targetDetails(claim: ClaimView, target: Target): HTMLElement {
  const panel = el('section', { class: 'details', 'data-type': target.type });
  const sources = chainSources(claim);
  const titleOf = (id: string) =>
    sources.get(id)?.source.title ??
    claim.attributions.find((a) => a.source.id === id)?.source.title ??
    id;
  const related = [
    ...claim.contradicts,
    ...claim.contradictedBy,
    ...claim.supports,
    ...claim.supportedBy,
  ];
  const textOf = (id: string) =>
    id === claim.id ? claim.text : (related.find((c) => c.id === id)?.text ?? id);

  switch (target.type) {
    case 'attribution': {
      const attribution = claim.attributions.find((a) => a.id === target.entityId);
      if (!attribution) break;
      panel.append(
        el('h2', {}, 'Attribution'),
        ...attributionDetails(attribution, attribution.source.title),
      );
      return panel;
    }
    case 'actor': {
      const attributions = claim.attributions.filter((a) => a.actor.id === target.entityId);
      const actor = attributions[0]?.actor;
      if (!actor) break;
      panel.append(
        el('h2', {}, isUnnamed(actor) ? 'Unnamed speaker' : 'Actor'),
        el(
          'h3',
          {},
          actor.name,
          isUnnamed(actor) &&
            el(
              'span',
              { class: 'tag-unnamed' },
              actor.kind === 'UNNAMED_GROUP' ? 'unnamed group' : 'anonymous',
            ),
        ),
        el(
          'dl',
          { class: 'facts' },
          row('Kind', kindWords(actor.kind)),
          actor.aliases.length > 0 ? row('Also called', actor.aliases.join('; ')) : [],
          row('Anonymous', actor.anonymous ? 'yes — the text does not name this speaker' : 'no'),
          actor.description ? row('Description', actor.description) : [],
          row('Actor', el('code', {}, actor.id)),
        ),
        el('h3', {}, `On this claim (${plural(attributions.length, 'attribution')})`),
        ...attributions.flatMap((a) => [
          el(
            'div',
            { class: 'attribution-brief' },
            stanceBadge(a.stance),
            ' ',
            el('q', {}, a.cue),
            el('blockquote', { class: 'quote' }, a.quote),
            el(
              'div',
              { class: 'muted small' },
              `${a.quoteStart}–${a.quoteEnd} in ${a.source.title}`,
            ),
          ),
        ]),
      );
      return panel;
    }
    case 'source': {
      const entry = sources.get(target.entityId ?? '');
      if (!entry) break;
      const { source, positions } = entry;
      const recordedIds = new Set(
        claim.sourcingChains.flatMap((chain) =>
          chain.hops
            .filter((hop) => hop.source.id === source.id)
            .flatMap((hop) => hop.attributions.map((a) => a.id)),
        ),
      );
      const recorded = claim.attributions.filter(
        (a) => recordedIds.has(a.id) || a.source.id === source.id,
      );
      panel.append(
        el('h2', {}, 'Source'),
        el('h3', {}, source.title),
        el(
          'dl',
          { class: 'facts' },
          row('Kind', kindWords(source.kind)),
          row(
            'Primary',
            source.primary ? 'yes — an original source' : 'no — it draws on other sources',
          ),
          row('Publisher', source.publisher?.name ?? 'not known'),
          row(
            'State affiliation',
            source.publisher?.stateAffiliation?.name ?? (source.publisher ? 'none recorded' : '—'),
          ),
          row('On the chain', positions.join('; ')),
          figuresStatedBy(claim, source.id),
          row('Source', el('code', {}, source.id)),
        ),
        el('h3', {}, `Attributions of this claim recorded here (${recorded.length})`),
        recorded.length === 0
          ? el('p', { class: 'muted' }, 'none recorded in this source’s text')
          : el(
              'ul',
              { class: 'stances' },
              recorded.map((a) =>
                el('li', {}, stanceBadge(a.stance), ' ', a.actor.name, ' ', el('q', {}, a.cue)),
              ),
            ),
        ...copyLinksOf(claim, source.id),
      );
      return panel;
    }
    case 'claim':
    case 'related': {
      const id = target.entityId ?? '';
      if (id === claim.id) {
        panel.append(
          el('h2', {}, 'This claim'),
          el('p', {}, 'The claim being explored; see the summary above.'),
        );
        return panel;
      }
      const relations = [
        claim.contradicts.some((c) => c.id === id) && 'this claim contradicts it',
        claim.contradictedBy.some((c) => c.id === id) && 'it contradicts this claim',
        claim.supports.some((c) => c.id === id) && 'this claim supports it',
        claim.supportedBy.some((c) => c.id === id) && 'it supports this claim',
      ].filter((r): r is string => typeof r === 'string');
      panel.append(
        el('h2', {}, 'Related claim'),
        el('p', { class: 'claim-text' }, textOf(id)),
        el(
          'dl',
          { class: 'facts' },
          row('Relation', relations.join('; ')),
          row('Claim', el('code', {}, id)),
        ),
        el('p', {}, claimLink({ id, text: 'Explore this claim →' })),
      );
      return panel;
    }
    case 'cites':
      panel.append(
        el('h2', {}, 'Citation'),
        el(
          'p',
          {},
          el('strong', {}, titleOf(target.from ?? '')),
          ' draws on ',
          el('strong', {}, titleOf(target.to ?? '')),
        ),
      );
      return panel;
    case 'copies': {
      const link = claimCopyLinks(claim).get(copyLinkKey(target.from ?? '', target.to ?? ''));
      panel.append(
        el('h2', {}, 'Copy link'),
        link
          ? copyLinkDetails(link)
          : el(
              'p',
              {},
              el('strong', {}, titleOf(target.from ?? '')),
              ' copies ',
              el('strong', {}, titleOf(target.to ?? '')),
              ' (the passages were not loaded).',
            ),
      );
      return panel;
    }
    case 'carries':
      panel.append(
        el('h2', {}, 'Carries the claim'),
        el(
          'p',
          {},
          el('strong', {}, titleOf(target.from ?? '')),
          ' is the latest source carrying this claim; its sourcing chain starts there.',
        ),
      );
      return panel;
    case 'contradicts':
    case 'supports':
      panel.append(
        el('h2', {}, target.type === 'contradicts' ? 'Contradiction' : 'Support'),
        el('p', { class: 'claim-text' }, textOf(target.from ?? '')),
        el('p', { class: 'relation-word' }, target.type),
        el('p', { class: 'claim-text' }, textOf(target.to ?? '')),
      );
      return panel;
  }
  panel.append(el('p', { class: 'muted' }, 'Nothing more is known about this element.'));
  return panel;
}

/** The panel's content when nothing is hovered or selected. */
export function detailsHint(): HTMLElement {
  return el(
    'section',
    { class: 'details hint' },
    el(
      'p',
      { class: 'muted' },
      'Hover over or click a node or an edge to see its details: quotes, cue verbs, dates, offsets, publishers.',
    ),
  );
}
