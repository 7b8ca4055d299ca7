import { knownLabels, type KnownLabel } from '../db/exportQueries.js';
import type { ExportScopeDescription } from './exportFormat.js';

/** What to export: the whole graph, the nodes of one label, or one claim's neighbourhood. */
export type GraphSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'label'; readonly label: KnownLabel }
  | { readonly kind: 'claim'; readonly claimId: string };

/** A selection, or why the options do not make one. */
export type SelectionResult =
  | { readonly ok: true; readonly selection: GraphSelection }
  | { readonly ok: false; readonly message: string };

/** Builds a selection from `--claim` / `--label` (or `claim=` / `label=`); at most one of them. */
export function parseSelection(options: { claim?: string; label?: string }): SelectionResult {
  const { claim, label } = options;
  if (claim !== undefined && label !== undefined) {
    return { ok: false, message: 'Give either a claim or a label, not both.' };
  }
  if (claim !== undefined) {
    if (!/^[\w.@-]{1,200}$/.test(claim)) {
      return { ok: false, message: `"${claim}" is not a claim id.` };
    }
    return { ok: true, selection: { kind: 'claim', claimId: claim } };
  }
  if (label !== undefined) {
    const known = knownLabels.find((candidate) => candidate === label);
    if (!known) {
      return {
        ok: false,
        message: `Unknown label "${label}"; known labels: ${knownLabels.join(', ')}.`,
      };
    }
    return { ok: true, selection: { kind: 'label', label: known } };
  }
  return { ok: true, selection: { kind: 'all' } };
}

/** How an export file names its selection (absent for the whole graph). */
export function describeSelection(selection: GraphSelection): ExportScopeDescription | undefined {
  switch (selection.kind) {
    case 'all':
      return undefined;
    case 'label':
      return { label: selection.label };
    case 'claim':
      return { claim: selection.claimId };
  }
}
