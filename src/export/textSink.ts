import type { Writable } from 'node:stream';

/** Where a format writer sends its text, one chunk (usually one page) at a time. */
export interface TextSink {
  /** Resolves when the chunk is accepted, waiting for the destination to drain if needed. */
  write(text: string): Promise<void>;
}

/** A sink over a Node stream (a file, stdout, an HTTP response) that respects backpressure. */
export function writableSink(stream: Writable): TextSink {
  return {
    write(text) {
      if (stream.destroyed || stream.writableEnded) {
        return Promise.reject(new Error('The output was closed before the export finished.'));
      }
      if (stream.write(text, 'utf8')) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const cleanup = () => {
          stream.off('drain', onDrain);
          stream.off('error', onError);
          stream.off('close', onClose);
        };
        const onDrain = () => {
          cleanup();
          resolve();
        };
        const onError = (error: Error) => {
          cleanup();
          reject(error);
        };
        const onClose = () => {
          cleanup();
          reject(new Error('The output was closed before the export finished.'));
        };
        stream.on('drain', onDrain);
        stream.on('error', onError);
        stream.on('close', onClose);
      });
    },
  };
}

/** A sink that keeps everything in memory (tests, small JSON-LD documents). */
export function stringSink(): TextSink & { text(): string } {
  const chunks: string[] = [];
  return {
    write(text) {
      chunks.push(text);
      return Promise.resolve();
    },
    text: () => chunks.join(''),
  };
}
