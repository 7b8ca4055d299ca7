import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { writableSink, type TextSink } from './textSink.js';

/** A file being written: it appears under its name only once `commit` succeeds. */
export interface OutputFile {
  readonly sink: TextSink;
  /** Flushes and moves the file into place. */
  commit(): Promise<void>;
  /** Drops the partial file (after a failure), so no truncated export is left behind. */
  discard(): Promise<void>;
}

/** Opens `target` for writing through a `.partial` file beside it. */
export function openOutputFile(target: string): OutputFile {
  const partial = `${target}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  return {
    sink: writableSink(stream),
    async commit() {
      stream.end();
      await finished(stream);
      await rename(partial, target);
    },
    async discard() {
      stream.destroy();
      await rm(partial, { force: true });
    },
  };
}
