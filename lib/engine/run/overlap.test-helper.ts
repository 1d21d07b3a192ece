/** Test helper: the most intervals open at one instant; a finish at the same millisecond as a start closes first. */
export function maxOverlap(intervals: Array<{ start: number; end: number }>): number {
  const edges = intervals.flatMap((i) => [{ at: i.start, delta: 1 }, { at: i.end, delta: -1 }]).sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let max = 0;
  for (const edge of edges) max = Math.max(max, (open += edge.delta));
  return max;
}
