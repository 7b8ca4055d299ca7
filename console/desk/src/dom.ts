// The explorer's DOM builder (text always goes in as text nodes, never as HTML, so API data cannot
// inject markup), shared rather than copied so the two pages escape text the same way.
export { byId, el } from '../../explore/src/dom';
