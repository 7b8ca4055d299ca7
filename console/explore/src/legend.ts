// The legend, drawn from the same colours as the graph style.
import { el } from './dom';
import { COLOURS, STANCES, STANCE_COLOURS, STANCE_MEANINGS } from './theme';

const SVG = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, ...children: SVGElement[]): SVGSVGElement {
  const root = document.createElementNS(SVG, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('aria-hidden', 'true');
  root.append(...children);
  return root;
}

function shape(tag: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function lineSwatch(colour: string, dash?: string, width = 3): SVGSVGElement {
  return svg(
    34,
    12,
    shape('line', {
      x1: 1,
      y1: 6,
      x2: 26,
      y2: 6,
      stroke: colour,
      'stroke-width': width,
      ...(dash ? { 'stroke-dasharray': dash } : {}),
    }),
    shape('path', { d: 'M25 1 L33 6 L25 11 Z', fill: colour }),
  );
}

/** A hollow band with an arrow head, as copy links are drawn. */
function bandSwatch(rail: string, core: string): SVGSVGElement {
  const line = { x1: 1, y1: 6, x2: 25, y2: 6 };
  return svg(
    34,
    12,
    shape('line', { ...line, stroke: rail, 'stroke-width': 8 }),
    shape('line', { ...line, x1: 3, stroke: core, 'stroke-width': 4 }),
    shape('path', { d: 'M24 0 L34 6 L24 12 Z', fill: rail }),
  );
}

function boxSwatch(
  fill: string,
  border: string,
  {
    dash,
    radius = 3,
    borderWidth = 1.5,
    text,
  }: { dash?: string; radius?: number; borderWidth?: number; text?: string } = {},
): SVGSVGElement {
  const children: SVGElement[] = [
    shape('rect', {
      x: 1.5,
      y: 1.5,
      width: 31,
      height: 15,
      rx: radius,
      fill,
      stroke: border,
      'stroke-width': borderWidth,
      ...(dash ? { 'stroke-dasharray': dash } : {}),
    }),
  ];
  if (text) {
    const label = shape('text', {
      x: 17,
      y: 13,
      'text-anchor': 'middle',
      'font-size': 11,
      'font-weight': 700,
      fill: COLOURS.muted,
    });
    label.textContent = text;
    children.push(label);
  }
  return svg(34, 18, ...children);
}

function item(swatch: SVGSVGElement, label: string, note?: string): HTMLElement {
  return el(
    'li',
    {},
    swatch,
    el('span', {}, label, note && el('span', { class: 'muted' }, ` — ${note}`)),
  );
}

/** The legend: node kinds and markers, then edge colours. */
export function legend(): HTMLElement {
  return el(
    'section',
    { class: 'legend', 'aria-label': 'Legend' },
    el('h2', {}, 'Legend'),
    el(
      'ul',
      {},
      item(boxSwatch(COLOURS.claimFill, COLOURS.claimFill, { radius: 4 }), 'the claim'),
      item(
        boxSwatch(COLOURS.sourceFill, COLOURS.sourceBorder, { radius: 0 }),
        'source',
        'article, report…',
      ),
      item(
        boxSwatch(COLOURS.originFill, COLOURS.originBorder, { radius: 0, borderWidth: 3 }),
        '★ primary origin',
        'where the chain starts',
      ),
      item(
        boxSwatch(COLOURS.sourceFill, COLOURS.copies, { radius: 0, borderWidth: 2.5 }),
        '❐ copies without credit',
        'reproduces another source’s text',
      ),
      item(
        boxSwatch(COLOURS.actorFill, COLOURS.actorBorder, { radius: 8, borderWidth: 2 }),
        'actor (speaker)',
      ),
      item(
        boxSwatch(COLOURS.anonymousFill, COLOURS.anonymousBorder, {
          radius: 8,
          borderWidth: 2,
          dash: '4 2',
          text: '?',
        }),
        'anonymous / unnamed group',
      ),
    ),
    el('h3', {}, 'Who said it (edge colour = stance)'),
    el(
      'ul',
      {},
      STANCES.map((stance) =>
        item(lineSwatch(STANCE_COLOURS[stance]), stance.toLowerCase(), STANCE_MEANINGS[stance]),
      ),
    ),
    el('h3', {}, 'Links'),
    el(
      'ul',
      {},
      item(lineSwatch(COLOURS.cites, undefined, 2), 'cites', 'source draws on source'),
      item(lineSwatch(COLOURS.carries, '2 3', 2), 'carries', 'latest source → claim'),
      item(lineSwatch(COLOURS.circular, '5 3', 2), 'cites, circular chain'),
      item(
        bandSwatch(COLOURS.copies, COLOURS.copiesCore),
        'copies (no credit)',
        'copier → original, confirmed by an editor',
      ),
      item(lineSwatch(COLOURS.contradicts, '6 3'), 'contradicts'),
      item(lineSwatch(COLOURS.supports), 'supports'),
    ),
  );
}
