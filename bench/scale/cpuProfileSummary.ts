/**
 * Reads a V8 `.cpuprofile` (what `--cpu-prof` and node:inspector's Profiler write) into the
 * figures the flame summary of the full stack prints: CPU time by function (self and
 * inclusive) and self time by where the code lives (a package in node_modules, a folder of
 * src/, Node's own code, V8's GC). Time comes from the samples' time deltas, so an idle
 * process costs nothing but `(idle)`.
 */
import type { CpuProfile } from './directControl.js';

/** One function (or group) and the CPU time spent in it, in milliseconds. */
export interface FrameTime {
  readonly frame: string;
  readonly ms: number;
}

/** A profile reduced to what the summary prints. */
export interface ProfileSummary {
  /** Sampled time not spent idle, in milliseconds. */
  readonly busyMs: number;
  readonly selfByFrame: FrameTime[];
  readonly inclusiveByFrame: FrameTime[];
  readonly selfByGroup: FrameTime[];
}

const notBusy = new Set(['(idle)', '(root)']);

/**
 * The control port's own work (stopping the profiler builds the profile synchronously, and is
 * sampled doing so): not part of any request, so left out.
 */
const controlPort = /bench\/scale\/directControl\.ts/;

/** Self and inclusive time per function, and self time per code group, busiest first. */
export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const groups = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) =>
    map.set(key, (map.get(key) ?? 0) + ms);
  let busyMs = 0;
  profile.samples.forEach((nodeId, index) => {
    // A sample's delta is the time since the previous sample: charge it to this one's stack.
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const leaf = byId.get(nodeId);
    if (!leaf || notBusy.has(leaf.callFrame.functionName)) return;
    // Each function counts once per sample however often it recurs on the stack.
    const onStack = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node && controlPort.test(node.callFrame.url)) return;
      if (node && !notBusy.has(node.callFrame.functionName)) onStack.add(frameName(node.callFrame));
    }
    busyMs += ms;
    add(self, frameName(leaf.callFrame), ms);
    add(groups, codeGroup(leaf.callFrame), ms);
    for (const frame of onStack) add(inclusive, frame, ms);
  });
  const sorted = (map: Map<string, number>) =>
    [...map].map(([frame, ms]) => ({ frame, ms })).sort((a, b) => b.ms - a.ms);
  return {
    busyMs,
    selfByFrame: sorted(self),
    inclusiveByFrame: sorted(inclusive),
    selfByGroup: sorted(groups),
  };
}

type CallFrame = CpuProfile['nodes'][number]['callFrame'];

/** `name (where:line)`, with the path cut to the package or the project folder. */
export function frameName({ functionName, url, lineNumber }: CallFrame): string {
  const name = functionName || '(anonymous)';
  if (!url) return name;
  return `${name} (${shortPath(url)}:${lineNumber + 1})`;
}

/** Where a frame's code lives: a package, a folder of the project, Node, or V8 itself. */
export function codeGroup({ functionName, url }: CallFrame): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'V8 builtins';
  if (url.startsWith('node:')) {
    const module = url.slice('node:'.length).replace(/^internal\//, '');
    const area = module.split('/')[0]!.replace(/^_/, '').replace(/_.*$/, '');
    return `node:${area}`;
  }
  const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  const last = packages[packages.length - 1];
  if (last) return last[1]!;
  const project = /\/(src|bench)\/(.*)\/[^/]+$/.exec(url) ?? /\/(src|bench)\/()[^/]+$/.exec(url);
  if (project) return `${project[1]}/${project[2] ?? ''}`.replace(/\/$/, '');
  return shortPath(url);
}

function shortPath(url: string): string {
  const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  const last = packages[packages.length - 1];
  if (last) return url.slice(last.index + 'node_modules/'.length);
  const project = /\/((?:src|bench)\/.*)$/.exec(url);
  if (project) return project[1]!;
  return url.replace(/^file:\/\//, '');
}
