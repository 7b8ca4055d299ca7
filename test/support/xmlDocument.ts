/** An element of a parsed XML document. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  /** The element's own text (entities decoded), without its children's. */
  text: string;
}

const nameStart = 'A-Za-z_:';
const nameChar = `${nameStart}0-9.\\-`;
const namePattern = new RegExp(`^[${nameStart}][${nameChar}]*`);
const attributePattern = new RegExp(
  `^\\s+([${nameStart}][${nameChar}]*)\\s*=\\s*("([^"]*)"|'([^']*)')`,
);
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * A strict, dependency-free XML 1.0 well-formedness check for the tests: one root element,
 * properly nested and matching tags, quoted and unique attributes, only the predefined and
 * numeric entity references, no `<` in attribute values, no characters XML forbids. Throws on
 * the first violation (with its offset); returns the element tree otherwise.
 */
export function parseXml(xml: string): XmlElement {
  const bad = notXmlCharacter.exec(xml);
  if (bad)
    throw new Error(
      `character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index} is not allowed in XML`,
    );
  let at = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    at = end + 2;
  }
  while (at < xml.length) {
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at + 4);
      if (end < 0) fail('unterminated comment');
      at = end + 3;
    } else if (xml.startsWith('<![CDATA[', at)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const end = xml.indexOf(']]>', at);
      if (end < 0) fail('unterminated CDATA section');
      stack[stack.length - 1]!.text += xml.slice(at + 9, end);
      at = end + 3;
    } else if (xml.startsWith('<?', at)) {
      const end = xml.indexOf('?>', at);
      if (end < 0) fail('unterminated processing instruction');
      at = end + 2;
    } else if (xml.startsWith('</', at)) {
      const match = namePattern.exec(xml.slice(at + 2));
      if (!match) fail('bad end tag');
      const name = match![0];
      const close = /^\s*>/.exec(xml.slice(at + 2 + name.length));
      if (!close) fail('bad end tag');
      const open = stack.pop();
      if (!open || open.name !== name)
        fail(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
      at += 2 + name.length + close![0].length;
    } else if (xml[at] === '<') {
      const match = namePattern.exec(xml.slice(at + 1));
      if (!match) fail('bad start tag');
      const element: XmlElement = { name: match![0], attributes: {}, children: [], text: '' };
      at += 1 + element.name.length;
      for (;;) {
        const attribute = attributePattern.exec(xml.slice(at));
        if (!attribute) break;
        const [whole, attributeName, , double, single] = attribute;
        const value = double ?? single ?? '';
        if (value.includes('<')) fail('"<" in an attribute value');
        if (attributeName! in element.attributes) fail(`duplicate attribute ${attributeName}`);
        element.attributes[attributeName!] = decode(value, fail);
        at += whole.length;
      }
      const end = /^\s*(\/?)>/.exec(xml.slice(at));
      if (!end) fail(`bad start tag <${element.name}>`);
      at += end![0].length;
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (end![1] !== '/') stack.push(element);
    } else {
      const next = xml.indexOf('<', at);
      const text = xml.slice(at, next < 0 ? xml.length : next);
      if (text.includes(']]>')) fail('"]]>" in text');
      if (stack.length === 0) {
        if (text.trim() !== '') fail('text outside the root element');
      } else {
        stack[stack.length - 1]!.text += decode(text, fail);
      }
      at += text.length;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) fail('no root element');
  return root!;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, fail: (message: string) => never): string {
  return text.replace(/&([^;]*);|&/g, (whole, reference: string | undefined) => {
    if (reference === undefined) return fail('a bare "&"');
    if (reference in entities) return entities[reference]!;
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(reference);
    if (!numeric) return fail(`unknown entity ${whole}`);
    const code = numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]);
    const character = String.fromCodePoint(code);
    if (notXmlCharacter.test(character)) return fail(`${whole} is not an XML character`);
    return character;
  });
}

/** Every element named `name` below (and including) `element`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return [
    ...(element.name === name ? [element] : []),
    ...element.children.flatMap((child) => findAll(child, name)),
  ];
}
