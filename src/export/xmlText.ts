/** Characters XML 1.0 cannot hold at all, not even as character references. */
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes text for an XML element's content: `& < >`, and CR as `&#13;` so parsers do not
 * normalise it away. Characters XML cannot carry (controls, lone surrogates) become U+FFFD.
 */
export function escapeXmlText(text: string): string {
  return text
    .replace(notXmlCharacter, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\r', '&#13;');
}

/** Escapes text for a double- or single-quoted attribute; tabs and newlines survive as references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\t', '&#9;');
}
