// Turns a loaded claim into cytoscape elements with fixed positions, and the graph's style.
//
// The picture reads top to bottom: the sourcing chains run left to right along the top (the
// latest source first, the origin last), the claim sits in the centre, contradicting claims on its
// left, supporting claims on its right, and the actors who said or denied it along the bottom.
// A chain hop reached through a confirmed copy link is drawn as a `copies` edge, not `cites`.
import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import {
  claimCopyLinks,
  copyLinkKey,
  type Actor,
  type ChainSource,
  type ClaimView,
  type RelatedClaim,
} from './api';
import { COLOURS, FONT_FAMILY, STANCE_COLOURS, type Stance } from './theme';

/** What a node stands for; kept in the node's `type` data field. */
export type NodeType = 'claim' | 'related' | 'source' | 'actor';
/** What an edge stands for; kept in the edge's `type` data field. */
export type EdgeType = 'attribution' | 'cites' | 'copies' | 'carries' | 'contradicts' | 'supports';

/** Cytoscape ids are namespaced by type, since ids are only unique within one type. */
export const nodeId = (type: NodeType, entityId: string): string =>
  `${type === 'related' ? 'claim' : type}:${entityId}`;

interface Box {
  width: number;
  height: number;
  label: string;
}

const SIZES = {
  claim: { width: 340, font: 16, weight: 600, maxLines: 9, padding: 16 },
  related: { width: 220, font: 13, weight: 400, maxLines: 5, padding: 11 },
  source: { width: 196, font: 13, weight: 400, maxLines: 6, padding: 10 },
  actor: { width: 196, font: 14, weight: 500, maxLines: 5, padding: 12 },
} as const;
const LINE_HEIGHT = 1.3;

let measureContext: CanvasRenderingContext2D | null | undefined;

/** Width of `text` in pixels in the given font; a rough estimate where canvas is unavailable. */
function textWidth(text: string, font: number, weight: number): number {
  if (measureContext === undefined) {
    measureContext = document.createElement('canvas').getContext('2d');
  }
  if (!measureContext) return text.length * font * 0.58;
  measureContext.font = `${weight} ${font}px ${FONT_FAMILY}`;
  return measureContext.measureText(text).width;
}

/** Greedy word wrap to `maxWidth` pixels; the last kept line ends with … when text was cut. */
export function wrapText(
  text: string,
  maxWidth: number,
  font: number,
  weight: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, font, weight) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last && textWidth(`${last}…`, font, weight) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** A node box sized to its wrapped label: `tags` are extra short lines above the main text. */
function box(kind: keyof typeof SIZES, text: string, tags: string[] = []): Box {
  const size = SIZES[kind];
  const inner = size.width - 2 * size.padding;
  const lines = [
    ...tags.flatMap((tag) => wrapText(tag, inner, size.font, size.weight, 2)),
    ...wrapText(text, inner, size.font, size.weight, size.maxLines),
  ];
  const height = Math.round(lines.length * size.font * LINE_HEIGHT + 2 * size.padding);
  return { width: size.width, height: Math.max(height, 44), label: lines.join('\n') };
}

const KIND_WORDS: Record<string, string> = {
  PERSON: 'person',
  ORGANISATION: 'organisation',
  STATE: 'state',
  MEDIA_OUTLET: 'media outlet',
  UNNAMED_GROUP: 'unnamed group',
  ARTICLE: 'article',
  NEWS_REPORT: 'news report',
  REPORT: 'report',
  SPEECH: 'speech',
  STATEMENT: 'statement',
  INTERVIEW: 'interview',
  COURT_FILING: 'court filing',
  UNKNOWN: 'unknown kind',
};

/** Human words for an enum value such as MEDIA_OUTLET. */
export const kindWords = (kind: string): string =>
  KIND_WORDS[kind] ?? kind.toLowerCase().replace(/_/g, ' ');

/** Anonymous speakers and unnamed groups get the same visible marker: a ? and a dashed border. */
export const isUnnamed = (actor: Actor): boolean =>
  actor.anonymous || actor.kind === 'UNNAMED_GROUP';

/**
 * The name to draw: a long official name gives way to its acronym when it has one (CNCERT for
 * the National Computer Network Emergency Response Technical Team/Coordination Center of China).
 */
export function shortName(actor: Actor): string {
  if (actor.name.length <= 40) return actor.name;
  const acronym = actor.aliases.find((alias) => /^[A-Z][A-Z0-9/&.-]{1,11}$/.test(alias));
  return acronym ?? actor.name;
}

function actorTag(actor: Actor): string {
  if (actor.kind === 'UNNAMED_GROUP') return 'unnamed group';
  if (actor.anonymous) return `anonymous ${kindWords(actor.kind)}`;
  return kindWords(actor.kind);
}

/** The attribution edge's label: the stance and, when it adds something, the cue verb. */
export function attributionLabel(stance: Stance, cue: string): string {
  return `${stance.toLowerCase()} · “${cue}”`;
}

interface Placed {
  x: number;
  y: number;
  box: Box;
}

/** Elements (with preset positions) for a claim's picture. */
export function claimElements(claim: ClaimView): ElementDefinition[] {
  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  const edgeIds = new Set<string>();
  const addEdge = (data: Record<string, unknown> & { id: string }, classes: string[]) => {
    if (edgeIds.has(data.id)) return;
    edgeIds.add(data.id);
    edges.push({ group: 'edges', data, classes });
  };

  // The claim, at the origin.
  const claimBox = box('claim', claim.text);
  const claimNodeId = nodeId('claim', claim.id);
  nodes.push({
    group: 'nodes',
    data: { id: claimNodeId, type: 'claim', entityId: claim.id, ...boxData(claimBox) },
    position: { x: 0, y: 0 },
    classes: ['focus'],
  });

  // Related claims: contradicting on the left, supporting on the right.
  const left: { claim: RelatedClaim; relation: string }[] = [
    ...claim.contradicts.map((c) => ({ claim: c, relation: 'contradicts' })),
    ...claim.contradictedBy.map((c) => ({ claim: c, relation: 'contradictedBy' })),
  ];
  const right: { claim: RelatedClaim; relation: string }[] = [
    ...claim.supports.map((c) => ({ claim: c, relation: 'supports' })),
    ...claim.supportedBy.map((c) => ({ claim: c, relation: 'supportedBy' })),
  ];
  const placedRelated = new Set<string>([claim.id]);
  // Half the height of the taller side stack: the chains and actors keep clear of it.
  let sideHalf = 0;
  for (const [side, list] of [
    [-1, left],
    [1, right],
  ] as const) {
    const fresh = list.filter((item) => !placedRelated.has(item.claim.id));
    const boxes = fresh.map((item) => box('related', item.claim.text));
    const gap = 36;
    const total = boxes.reduce((sum, b) => sum + b.height, 0) + gap * (boxes.length - 1);
    sideHalf = Math.max(sideHalf, total / 2);
    let y = -total / 2;
    const x = side * (claimBox.width / 2 + 110 + SIZES.related.width / 2);
    fresh.forEach((item, i) => {
      const relatedBox = boxes[i] ?? box('related', item.claim.text);
      placedRelated.add(item.claim.id);
      const contradicting = side === -1;
      nodes.push({
        group: 'nodes',
        data: {
          id: nodeId('related', item.claim.id),
          type: 'related',
          entityId: item.claim.id,
          relation: item.relation,
          ...boxData(relatedBox),
        },
        position: { x, y: y + relatedBox.height / 2 },
        classes: ['related', contradicting ? 'contradicting' : 'supporting'],
      });
      y += relatedBox.height + gap;
    });
    for (const item of list) {
      const outgoing = item.relation === 'contradicts' || item.relation === 'supports';
      const type: EdgeType = side === -1 ? 'contradicts' : 'supports';
      const from = outgoing ? claim.id : item.claim.id;
      const to = outgoing ? item.claim.id : claim.id;
      addEdge(
        {
          id: `${type}:${from}->${to}`,
          source: nodeId('claim', from),
          target: nodeId('claim', to),
          type,
          label: type,
          from,
          to,
        },
        [type],
      );
    }
  }

  // Sourcing chains, above: column = position on the chain, row = chain (the first chain nearest the
  // claim). A source on several chains is drawn once, where it first appears.
  const sources = new Map<string, Placed & { source: ChainSource }>();
  const originIds = new Set(claim.sourcingChains.map((chain) => chain.origin.id));
  const primaryOrigins = new Set(
    claim.sourcingChains.filter((chain) => chain.reachesPrimary).map((chain) => chain.origin.id),
  );
  const circularEnds = new Set(
    claim.sourcingChains
      .filter((chain) => chain.circular)
      .map((chain) => chain.hops[chain.hops.length - 1]?.source.id),
  );
  const copyLinks = claimCopyLinks(claim);
  const uncreditedCopiers = new Set(claim.sourcing.flags.uncreditedCopiers.map((s) => s.id));
  const sourceBoxes = new Map<string, Box>();
  for (const chain of claim.sourcingChains) {
    for (const hop of chain.hops) {
      const source = hop.source;
      if (sourceBoxes.has(source.id)) continue;
      const tags = [sourceTag(source, originIds.has(source.id), primaryOrigins.has(source.id))];
      if (circularEnds.has(source.id)) tags.push('↻ cites back into its chain');
      if (uncreditedCopiers.has(source.id)) tags.push('❐ copies without credit');
      sourceBoxes.set(source.id, box('source', source.title, tags));
    }
  }
  const maxHops = Math.max(0, ...claim.sourcingChains.map((chain) => chain.hops.length));
  const sourceRowHeight = Math.max(0, ...[...sourceBoxes.values()].map((b) => b.height));
  // Columns sit 62px apart, wider where a copy link crosses the gap: its label is long.
  const copyGaps = new Set<number>();
  for (const chain of claim.sourcingChains) {
    chain.hops.forEach((hop, index) => {
      const next = chain.hops[index + 1];
      if (next && (next.viaCopy || copyLinks.has(copyLinkKey(hop.source.id, next.source.id)))) {
        copyGaps.add(index);
      }
    });
  }
  const columnX: number[] = [0];
  for (let column = 1; column < maxHops; column++) {
    const gap = copyGaps.has(column - 1) ? 150 : 62;
    columnX.push((columnX[column - 1] ?? 0) + SIZES.source.width + gap);
  }
  const columnShift = (columnX[columnX.length - 1] ?? 0) / 2;
  const firstRowY = -(Math.max(claimBox.height / 2 + 130, sideHalf + 80) + sourceRowHeight / 2);
  const addCopyEdge = (copierId: string, originalId: string) => {
    const link = copyLinks.get(copyLinkKey(copierId, originalId));
    // Without the link's data, no credit: chains follow a copy link only when the copier does
    // not cite the original.
    const credited = link?.credited ?? false;
    addEdge(
      {
        id: `copies:${copyLinkKey(copierId, originalId)}`,
        source: nodeId('source', copierId),
        target: nodeId('source', originalId),
        type: 'copies',
        label: credited ? 'copies' : 'copies (no credit)',
        credited,
        from: copierId,
        to: originalId,
      },
      credited ? ['copies', 'credited'] : ['copies'],
    );
  };
  claim.sourcingChains.forEach((chain, row) => {
    chain.hops.forEach((hop, index) => {
      const source = hop.source;
      if (!sources.has(source.id)) {
        sources.set(source.id, {
          x: (columnX[index] ?? 0) - columnShift,
          y: firstRowY - row * (sourceRowHeight + 60),
          box: sourceBoxes.get(source.id) ?? box('source', source.title),
          source,
        });
      }
      const next = chain.hops[index + 1];
      if (next?.viaCopy) {
        addCopyEdge(source.id, next.source.id);
      } else if (next) {
        addEdge(
          {
            id: `cites:${source.id}->${next.source.id}`,
            source: nodeId('source', source.id),
            target: nodeId('source', next.source.id),
            type: 'cites',
            label: 'cites',
            from: source.id,
            to: next.source.id,
          },
          chain.circular ? ['cites', 'circular'] : ['cites'],
        );
      }
    });
    const first = chain.hops[0];
    if (first) {
      addEdge(
        {
          id: `carries:${first.source.id}`,
          source: nodeId('source', first.source.id),
          target: claimNodeId,
          type: 'carries',
          label: 'carries',
          from: first.source.id,
        },
        ['carries'],
      );
    }
  });
  // Copy links the chains did not follow (the copier cites the original, so the chain goes by
  // the citation) are drawn too when both ends are, beside the citation.
  for (const link of copyLinks.values()) {
    if (!sources.has(link.copier.id) || !sources.has(link.original.id)) continue;
    addCopyEdge(link.copier.id, link.original.id);
  }
  for (const edge of edges) {
    if (edge.data.type !== 'copies') continue;
    const alongside = `cites:${String(edge.data.from)}->${String(edge.data.to)}`;
    if (edgeIds.has(alongside)) edge.classes = [...(edge.classes as string[]), 'beside-cites'];
  }
  for (const [id, placed] of sources) {
    const classes = ['source'];
    if (uncreditedCopiers.has(id)) classes.push('copier');
    if (originIds.has(id)) classes.push('origin');
    if (primaryOrigins.has(id) || placed.source.primary) classes.push('primary');
    if (originIds.has(id) && !primaryOrigins.has(id)) classes.push('open-end');
    nodes.push({
      group: 'nodes',
      data: { id: nodeId('source', id), type: 'source', entityId: id, ...boxData(placed.box) },
      position: { x: placed.x, y: placed.y },
      classes,
    });
  }

  // Actors, along the bottom: one node per actor, one edge per attribution.
  const actors = new Map<string, Actor>();
  for (const attribution of claim.attributions) actors.set(attribution.actor.id, attribution.actor);
  const actorBoxes = [...actors.values()].map((actor) =>
    box('actor', `${isUnnamed(actor) ? '? ' : ''}${shortName(actor)}`, [actorTag(actor)]),
  );
  const perRow = 5;
  const actorStep = SIZES.actor.width + 60;
  const actorRowHeight = Math.max(0, ...actorBoxes.map((b) => b.height));
  [...actors.values()].forEach((actor, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, actors.size - row * perRow);
    const column = i % perRow;
    const actorBox = actorBoxes[i] ?? box('actor', actor.name);
    const classes = ['actor'];
    if (isUnnamed(actor)) classes.push('unnamed');
    nodes.push({
      group: 'nodes',
      data: {
        id: nodeId('actor', actor.id),
        type: 'actor',
        entityId: actor.id,
        ...boxData(actorBox),
      },
      position: {
        x: (column - (inRow - 1) / 2) * actorStep,
        y:
          Math.max(claimBox.height / 2 + 170, sideHalf + 90) +
          actorRowHeight / 2 +
          row * (actorRowHeight + 70),
      },
      classes,
    });
  });
  for (const attribution of claim.attributions) {
    addEdge(
      {
        id: `attribution:${attribution.id}`,
        source: nodeId('actor', attribution.actor.id),
        target: claimNodeId,
        type: 'attribution',
        entityId: attribution.id,
        stance: attribution.stance,
        colour: STANCE_COLOURS[attribution.stance] ?? COLOURS.muted,
        label: attributionLabel(attribution.stance, attribution.cue),
      },
      ['attribution', `stance-${attribution.stance.toLowerCase()}`],
    );
  }

  return [...nodes, ...edges];
}

function sourceTag(source: ChainSource, origin: boolean, reachesPrimary: boolean): string {
  const kind = kindWords(source.kind).toUpperCase();
  if (origin && reachesPrimary) return `★ PRIMARY ORIGIN · ${kind}`;
  if (origin) return `ORIGIN, NOT PRIMARY · ${kind}`;
  if (source.primary) return `PRIMARY · ${kind}`;
  return kind;
}

function boxData(b: Box) {
  return { label: b.label, width: b.width, height: b.height };
}

const edgeLabel = {
  label: 'data(label)',
  'font-size': 12,
  'font-family': FONT_FAMILY,
  color: COLOURS.ink,
  'text-background-color': '#ffffff',
  'text-background-opacity': 0.95,
  'text-background-padding': '3px',
  'text-background-shape': 'roundrectangle',
  'text-border-width': 1,
  'text-border-opacity': 1,
} as const;

/** The graph's stylesheet (colours from theme.ts, so that the legend matches). */
export function graphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(width)',
        height: 'data(height)',
        shape: 'round-rectangle',
        'font-family': FONT_FAMILY,
        'text-wrap': 'wrap',
        'text-max-width': '1000px',
        'text-valign': 'center',
        'text-halign': 'center',
        'line-height': LINE_HEIGHT,
        color: COLOURS.ink,
        'border-width': 1.5,
      },
    },
    {
      selector: 'node.focus',
      style: {
        'background-color': COLOURS.claimFill,
        'border-color': COLOURS.claimFill,
        color: COLOURS.claimText,
        'font-size': SIZES.claim.font,
        'font-weight': SIZES.claim.weight,
        'corner-radius': '10px',
      },
    },
    {
      selector: 'node.related',
      style: {
        'background-color': COLOURS.relatedFill,
        'font-size': SIZES.related.font,
        'border-width': 2,
        'corner-radius': '10px',
      },
    },
    { selector: 'node.contradicting', style: { 'border-color': COLOURS.contradicts } },
    { selector: 'node.supporting', style: { 'border-color': COLOURS.supports } },
    {
      selector: 'node.source',
      style: {
        shape: 'rectangle',
        'background-color': COLOURS.sourceFill,
        'border-color': COLOURS.sourceBorder,
        'font-size': SIZES.source.font,
      },
    },
    {
      selector: 'node.source.copier',
      style: { 'border-color': COLOURS.copies, 'border-width': 2.5 },
    },
    {
      selector: 'node.source.origin.primary',
      style: {
        'background-color': COLOURS.originFill,
        'border-color': COLOURS.originBorder,
        'border-width': 4,
      },
    },
    {
      selector: 'node.source.open-end',
      style: { 'border-color': COLOURS.originBorder, 'border-width': 3, 'border-style': 'dashed' },
    },
    {
      selector: 'node.actor',
      style: {
        'background-color': COLOURS.actorFill,
        'border-color': COLOURS.actorBorder,
        'border-width': 2,
        'font-size': SIZES.actor.font,
        'font-weight': SIZES.actor.weight,
        'corner-radius': '22px',
      },
    },
    {
      selector: 'node.actor.unnamed',
      style: {
        'background-color': COLOURS.anonymousFill,
        'border-color': COLOURS.anonymousBorder,
        'border-style': 'dashed',
        'border-width': 3,
        'border-dash-pattern': [7, 4],
        color: COLOURS.muted,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'control-point-step-size': 48,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.2,
      },
    },
    {
      selector: 'edge.cites',
      style: {
        ...edgeLabel,
        'line-color': COLOURS.cites,
        'target-arrow-color': COLOURS.cites,
        'text-border-color': COLOURS.cites,
        'curve-style': 'straight',
      },
    },
    {
      selector: 'edge.cites.circular',
      style: {
        'line-color': COLOURS.circular,
        'target-arrow-color': COLOURS.circular,
        'text-border-color': COLOURS.circular,
        'line-style': 'dashed',
      },
    },
    {
      // A hollow band, a pale centre between two rails, so that a copy link never reads as a
      // citation (a thin grey line) even in a screenshot without colour.
      selector: 'edge.copies',
      style: {
        ...edgeLabel,
        width: 4,
        'line-color': COLOURS.copiesCore,
        'line-outline-width': 2,
        'line-outline-color': COLOURS.copies,
        'target-arrow-color': COLOURS.copies,
        'text-border-color': COLOURS.copies,
        color: COLOURS.copies,
        'font-weight': 600,
        'curve-style': 'straight',
        'arrow-scale': 1.4,
      },
    },
    {
      selector: 'edge.copies.credited',
      style: { color: COLOURS.ink, 'font-weight': 400 },
    },
    {
      // Beside a citation between the same two sources: bowed so that both stay visible.
      selector: 'edge.copies.beside-cites',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [36],
        'control-point-weights': [0.5],
      },
    },
    {
      selector: 'edge.carries',
      style: {
        ...edgeLabel,
        'line-color': COLOURS.carries,
        'target-arrow-color': COLOURS.carries,
        'text-border-color': COLOURS.carries,
        'line-style': 'dotted',
        color: COLOURS.muted,
      },
    },
    {
      selector: 'edge.attribution',
      style: {
        ...edgeLabel,
        width: 3.5,
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'text-border-color': 'data(colour)',
      },
    },
    {
      selector: 'edge.contradicts',
      style: {
        ...edgeLabel,
        width: 3,
        'line-color': COLOURS.contradicts,
        'target-arrow-color': COLOURS.contradicts,
        'text-border-color': COLOURS.contradicts,
        'line-style': 'dashed',
        'line-dash-pattern': [9, 5],
      },
    },
    {
      selector: 'edge.supports',
      style: {
        ...edgeLabel,
        width: 3,
        'line-color': COLOURS.supports,
        'target-arrow-color': COLOURS.supports,
        'text-border-color': COLOURS.supports,
      },
    },
    {
      selector: '.hovered',
      style: {
        'underlay-color': COLOURS.selection,
        'underlay-opacity': 0.25,
        'underlay-padding': 7,
      },
    },
    {
      selector: ':selected',
      style: {
        'underlay-color': COLOURS.selection,
        'underlay-opacity': 0.5,
        'underlay-padding': 9,
      },
    },
  ];
}
