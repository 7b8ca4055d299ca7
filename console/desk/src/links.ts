// Addresses the desk links to. The explorer keeps its claim in `?claim=<id>`
// (console/explore/src/main.ts), and the desk keeps its draft in `?draft=<id>`.

/** The explorer drawing `claimId`'s sourcing chain, speakers and related claims. */
export function explorerHref(claimId: string): string {
  return `/explore/?claim=${encodeURIComponent(claimId)}`;
}

/** The desk with `draftId` open. */
export function draftHref(draftId: string): string {
  return `/desk/?draft=${encodeURIComponent(draftId)}`;
}
