import { exportFormatName } from './exportFormat.js';
import { describeSelection, type GraphSelection } from './graphSelection.js';
import type { GraphStream } from './graphStream.js';
import type { TextSink } from './textSink.js';

/**
 * Writes the `claimgraph-export/1` JSON document page by page: one node or relationship per
 * line, so the file is valid JSON, diffs well and is never held in memory whole.
 */
export async function writeJsonExport(
  stream: GraphStream,
  selection: GraphSelection,
  sink: TextSink,
  exportedAt = new Date().toISOString(),
): Promise<void> {
  const scope = describeSelection(selection);
  const header = { format: exportFormatName, exportedAt, ...(scope ? { selection: scope } : {}) };
  // The header object without its closing brace, then the two arrays.
  await sink.write(`${JSON.stringify(header).slice(0, -1)},\n"nodes": [`);
  await writeArrayItems(stream.nodePages(), sink);
  await sink.write('\n],\n"relationships": [');
  await writeArrayItems(stream.relationshipPages(), sink);
  await sink.write('\n]\n}\n');
}

async function writeArrayItems(pages: AsyncIterable<unknown[]>, sink: TextSink): Promise<void> {
  let written = 0;
  for await (const page of pages) {
    const text = page
      .map((item) => `${written++ === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`)
      .join('');
    await sink.write(text);
  }
}
