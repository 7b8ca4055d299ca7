import type { ActorMention, MentionIndex } from './actorMentions.js';
import type { ClaimToken } from './claimTokens.js';

/**
 * Who does what to whom, roughly. "China hacked the US" and "the US hacked China" have the same
 * words and the same parties, and are true under different conditions; so each named party gets
 * a role from the words just before it: "by X" is the doer (a passive), "against/on/to X" the
 * one done to, "of/in/from X" a mere modifier, a possessive "X's" too. Otherwise the first party
 * named is the doer and later ones are done to, unless a passive "by" names the doer.
 */

/** What a party does in a claim. */
export type ActorRole = 'agent' | 'patient' | 'neutral';

const skipped = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
]);
const patientMarkers = new Set([
  'against',
  'on',
  'onto',
  'into',
  'to',
  'at',
  'toward',
  'towards',
  'targeting',
  'upon',
]);
const neutralMarkers = new Set([
  'of',
  'in',
  'for',
  'with',
  'from',
  'about',
  'over',
  'among',
  'between',
  'within',
  'across',
  'inside',
  'outside',
  'than',
  'as',
  'like',
  'via',
  'through',
  'under',
  'behind',
  'near',
  'around',
  'beyond',
  'besides',
  'including',
]);
const conjunctions = new Set(['and', 'or']);

type Marked = ActorRole | 'unmarked' | 'same-as-previous';

/** Each named party's role; an actor named twice takes its strongest role (agent, patient). */
export function actorRoles(
  tokens: readonly ClaimToken[],
  mentions: readonly ActorMention[],
): Map<string, ActorRole> {
  const marks: Marked[] = mentions.map((mention, m) => {
    if (tokens[mention.end - 1]?.possessive) return 'neutral';
    let i = mention.start - 1;
    while (i >= 0 && (skipped.has(tokens[i]!.lower) || tokens[i]!.kind === 'number')) i -= 1;
    const before = tokens[i]?.lower;
    if (before === undefined) return 'unmarked';
    if (before === 'by') return 'agent';
    if (patientMarkers.has(before)) return 'patient';
    if (neutralMarkers.has(before)) return 'neutral';
    // "China and the US": a conjunct shares the role of the party just before the "and".
    if (conjunctions.has(before) && m > 0 && mentions[m - 1]!.end === i) return 'same-as-previous';
    return 'unmarked';
  });
  const passive = marks.includes('agent');
  let subjectSeen = false;
  const resolved: ActorRole[] = [];
  marks.forEach((mark, m) => {
    if (mark === 'same-as-previous') resolved.push(resolved[m - 1] ?? 'neutral');
    else if (mark !== 'unmarked') resolved.push(mark);
    else if (passive || subjectSeen) resolved.push('patient');
    else {
      subjectSeen = true;
      resolved.push('agent');
    }
  });
  const strength: Record<ActorRole, number> = { agent: 2, patient: 1, neutral: 0 };
  const roles = new Map<string, ActorRole>();
  mentions.forEach((mention, m) => {
    const role = resolved[m]!;
    const previous = roles.get(mention.actorId);
    if (previous === undefined || strength[role] > strength[previous])
      roles.set(mention.actorId, role);
  });
  return roles;
}

/** The same actor, or one whose name contains the other's ("US government" and "US"). */
export function sameParty(index: MentionIndex, a: string, b: string): boolean {
  return a === b || (index.related.get(a)?.has(b) ?? false);
}

function roleOn(
  index: MentionIndex,
  roles: ReadonlyMap<string, ActorRole>,
  actorId: string,
): ActorRole | undefined {
  let best: ActorRole | undefined;
  for (const [other, role] of roles) {
    if (!sameParty(index, actorId, other)) continue;
    if (best === undefined || role === 'agent' || (role === 'patient' && best === 'neutral'))
      best = role;
  }
  return best;
}

/**
 * Whether two claims give the same parties opposite roles: a party that acts in one is acted on
 * in the other, or each claim's doer is present but not the doer in the other.
 */
export function rolesReversed(
  index: MentionIndex,
  draft: ReadonlyMap<string, ActorRole>,
  graph: ReadonlyMap<string, ActorRole>,
): boolean {
  const opposite = (a: ReadonlyMap<string, ActorRole>, b: ReadonlyMap<string, ActorRole>) =>
    [...a].some(([actorId, role]) => role === 'agent' && roleOn(index, b, actorId) === 'patient');
  if (opposite(draft, graph) || opposite(graph, draft)) return true;
  const agents = (roles: ReadonlyMap<string, ActorRole>) =>
    [...roles].filter(([, role]) => role === 'agent').map(([actorId]) => actorId);
  const draftAgents = agents(draft);
  const graphAgents = agents(graph);
  if (draftAgents.length === 0 || graphAgents.length === 0) return false;
  if (draftAgents.some((a) => graphAgents.some((b) => sameParty(index, a, b)))) return false;
  return (
    draftAgents.some((a) => roleOn(index, graph, a) !== undefined) &&
    graphAgents.some((b) => roleOn(index, draft, b) !== undefined)
  );
}
