/**
 * Sublist update semantics of the REST API (shared/reference/netsuite.md §1.6,
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545297048.html):
 * keyed sublists merge matching lines and add the rest; `replace=` also drops unsent lines;
 * non-keyed sublists append, or are replaced wholesale with `replace=`.
 */
import type { SublistDef } from './types';

type Line = Record<string, unknown>;

function keyOf(line: Line, key: 'line' | 'doc'): string | undefined {
  const value = line[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return String((value as { id?: unknown }).id);

  return String(value);
}

/** Gives lines without a `line` number the next free one (transaction line keys start at 1). */
export function numberLines(lines: Line[], existing: Line[] = []): Line[] {
  let next = Math.max(0, ...[...existing, ...lines].map((line) => Number(line.line) || 0)) + 1;

  return lines.map((line) => {
    if (line.line !== undefined && line.line !== null) return { ...line, line: Number(line.line) };

    const numbered = { ...line, line: next };
    next += 1;
    return numbered;
  });
}

/** Merges `incoming` into `existing` for one sublist. */
export function mergeSublist(
  def: SublistDef,
  existing: Line[],
  incoming: Line[],
  replace: boolean,
): Line[] {
  if (def.key === null) return replace ? incoming : [...existing, ...incoming];

  const key = def.key;
  const byKey = new Map(
    incoming.flatMap((line) => {
      const k = keyOf(line, key);
      return k === undefined ? [] : [[k, line] as const];
    }),
  );
  const kept: Line[] = [];

  for (const line of existing) {
    const k = keyOf(line, key);
    const update = k === undefined ? undefined : byKey.get(k);
    if (update !== undefined) kept.push(mergeLine(line, update));
    else if (!replace) kept.push(line);
  }

  const existingKeys = new Set(existing.map((line) => keyOf(line, key)));
  const added = incoming.filter((line) => {
    const k = keyOf(line, key);
    return k === undefined || !existingKeys.has(k);
  });

  return key === 'line'
    ? numberLines([...kept, ...added.map(stripLine)], kept)
    : [...kept, ...added];
}

/** A changed quantity or rate recalculates the amount unless the amount is sent too. */
function mergeLine(line: Line, update: Line): Line {
  const merged = { ...line, ...update };
  const repriced = update.quantity !== undefined || update.rate !== undefined;
  if (repriced && update.amount === undefined) delete merged.amount;

  return merged;
}

function stripLine(line: Line): Line {
  if (line.line === undefined) return line;

  const { line: _ignored, ...rest } = line;
  return rest;
}
