import { describe, expect, it } from 'vitest';
import { countDownload, describeDownloads } from '../../src/localNeo4j/fetchNeo4j.js';

// Maven 3 (batch mode) reports each finished download with its log level in front; the first
// run's progress line used to miss them all ("0 files downloaded so far" for 120 MB).
describe('first-run download progress', () => {
  it('counts Maven’s download lines, with their sizes', () => {
    const progress = { files: 0, bytes: 0 };
    for (const line of [
      '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/example/a/1/a-1.jar',
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/example/a/1/a-1.pom (18 kB at 112 kB/s)',
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/example/b/2/b-2.jar (2.5 MB at 4.0 MB/s)',
      'Downloaded from mirror: https://mirror.example/c/3/c-3.jar (512 B at 1.0 kB/s)',
      '[INFO] BUILD SUCCESS',
    ])
      countDownload(line, progress);
    expect(progress).toEqual({ files: 3, bytes: 18_000 + 2_500_000 + 512 });
    expect(describeDownloads(progress)).toBe('3 files, 2.5 MB');
  });
});
