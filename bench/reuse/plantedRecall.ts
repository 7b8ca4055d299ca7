/**
 * Recall of planted passages by length and variant: every plant is scored in every variant, the
 * host aligned against its donor at alignPassages' defaults.
 */
import { alignPassages } from '../../src/reuse/alignPassages.js';
import { passageComposition, type PassageComposition } from './passageComposition.js';
import { PLANT_VARIANTS, type PlantVariant } from './passageVariants.js';
import { PASSAGE_LENGTHS, plantText, type Plant, type Span } from './plantPassages.js';
import { scorePlant, type PassageView, type PlantScore } from './scorePlant.js';

/** One cell of the recall table. */
export interface RecallCell {
  readonly length: number;
  readonly variant: PlantVariant;
  readonly planted: number;
  readonly found: number;
  readonly recall: number;
  /** Plants with a passage exactly at the planted words' first and last tokens (host and donor). */
  readonly exact: number;
  readonly exactShare: number;
  /** Found with the covering passage's donor side away from the copied words. */
  readonly misplaced: number;
  /** Words the edits changed, over the cell's plants. */
  readonly editedWords: number;
}

/** A plant not found, or found but not at the exact offsets: what came back. */
export interface PlantOutcome {
  readonly plant: string;
  readonly length: number;
  readonly variant: PlantVariant;
  readonly host: string;
  readonly donor: string;
  readonly found: boolean;
  readonly exact: boolean;
  readonly bestCoverage: number;
  readonly unionCoverage: number;
  /** The planted text as it stands in the host. */
  readonly plantedText: string;
  readonly expectedHost: Span;
  readonly expectedDonor: Span;
  /** The planted words, counted as alignPassages weighs evidence (passageComposition.ts). */
  readonly composition: PassageComposition;
  /**
   * How the best covering passage's host range differs from the planted words: host text it
   * takes in beyond them (+) or leaves out (−), at the start and at the end; '' when exact or
   * nothing covers the plant.
   */
  readonly boundary: string;
  readonly passages: readonly PassageView[];
}

/** A host and donor that share passages before anything is planted. */
export interface BackgroundLink {
  readonly host: string;
  readonly donor: string;
  readonly plants: number;
  readonly passages: readonly { readonly words: number; readonly text: string }[];
}

/** Everything the recall measurement found. */
export interface RecallResult {
  readonly plants: number;
  readonly lengths: readonly number[];
  readonly variants: readonly PlantVariant[];
  readonly cells: readonly RecallCell[];
  /** Every plant not found, in every variant. */
  readonly misses: readonly PlantOutcome[];
  /** Every plant found but not at the exact offsets. */
  readonly inexact: readonly PlantOutcome[];
  /** Host–donor pairs already sharing passages before planting (those passages are not scored). */
  readonly background: readonly BackgroundLink[];
}

function boundaryNote(hostText: string, expected: Span, score: PlantScore): string {
  const best = score.passages.reduce<PassageView | undefined>(
    (top, passage) => (top === undefined || passage.coverage > top.coverage ? passage : top),
    undefined,
  );
  if (best === undefined || best.coverage === 0) return '';
  const quote = (from: number, to: number) => `“${hostText.slice(from, to)}”`;
  const notes: string[] = [];
  if (best.host.start < expected.start)
    notes.push(`start +${quote(best.host.start, expected.start)}`);
  if (best.host.start > expected.start)
    notes.push(`start −${quote(expected.start, best.host.start)}`);
  if (best.host.end > expected.end) notes.push(`end +${quote(expected.end, best.host.end)}`);
  if (best.host.end < expected.end) notes.push(`end −${quote(best.host.end, expected.end)}`);
  return notes.join(', ');
}

function outcome(
  plant: Plant,
  variant: PlantVariant,
  hostText: string,
  hostSpan: Span,
  score: PlantScore,
): PlantOutcome {
  return {
    plant: plant.id,
    length: plant.length,
    variant,
    host: plant.host.id,
    donor: plant.donor.id,
    found: score.found,
    exact: score.exact,
    bestCoverage: score.bestCoverage,
    unionCoverage: score.unionCoverage,
    plantedText: hostText.slice(hostSpan.start, hostSpan.end),
    expectedHost: score.expectedHost,
    expectedDonor: score.expectedDonor,
    composition: passageComposition(hostText, hostSpan),
    boundary: boundaryNote(hostText, score.expectedHost, score),
    passages: score.passages,
  };
}

function backgroundLinks(plants: readonly Plant[]): BackgroundLink[] {
  const byPair = new Map<string, BackgroundLink>();
  for (const plant of plants) {
    const key = `${plant.host.id} ${plant.donor.id}`;
    const known = byPair.get(key);
    if (known) {
      byPair.set(key, { ...known, plants: known.plants + 1 });
      continue;
    }
    const { passages } = alignPassages(plant.host.text, plant.donor.text);
    if (passages.length === 0) continue;
    byPair.set(key, {
      host: plant.host.id,
      donor: plant.donor.id,
      plants: 1,
      passages: passages.map((passage) => ({
        words: passage.words,
        text: plant.host.text.slice(passage.a.start, passage.a.end),
      })),
    });
  }
  return [...byPair.values()];
}

/** Plants every passage in every variant, aligns, and tallies. */
export function measureRecall(plants: readonly Plant[]): RecallResult {
  const cells: RecallCell[] = [];
  const misses: PlantOutcome[] = [];
  const inexact: PlantOutcome[] = [];
  for (const length of PASSAGE_LENGTHS) {
    const ofLength = plants.filter((plant) => plant.length === length);
    for (const variant of PLANT_VARIANTS) {
      let found = 0;
      let exact = 0;
      let misplaced = 0;
      let editedWords = 0;
      for (const plant of ofLength) {
        const planted = plantText(plant, variant);
        const alignment = alignPassages(planted.hostText, plant.donor.text);
        const score = scorePlant(
          planted.hostText,
          planted.hostSpan,
          plant.donor.text,
          plant.donorSpan,
          alignment,
        );
        editedWords += planted.edits;
        if (score.found) found += 1;
        if (score.exact) exact += 1;
        if (score.misplaced) misplaced += 1;
        if (!score.found || !score.exact) {
          const view = outcome(plant, variant, planted.hostText, planted.hostSpan, score);
          (score.found ? inexact : misses).push(view);
        }
      }
      const planted = ofLength.length;
      cells.push({
        length,
        variant,
        planted,
        found,
        recall: planted === 0 ? 0 : found / planted,
        exact,
        exactShare: planted === 0 ? 0 : exact / planted,
        misplaced,
        editedWords,
      });
    }
  }
  return {
    plants: plants.length,
    lengths: PASSAGE_LENGTHS,
    variants: PLANT_VARIANTS,
    cells,
    misses,
    inexact,
    background: backgroundLinks(plants),
  };
}
