/**
 * Where each value of a YAML document sits: a record from a field path (`severity`,
 * `entityMappings[0].fieldMappings[1].columnName`) to its 1-based line and column, so a rule check can
 * point at the field it is about. A key's own position is under `<path>#key` (for problems with a key,
 * such as a customDetails name). Browser-safe.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node as YamlNode } from 'yaml';

export interface FieldPosition {
  line: number;
  column: number;
}

/** Positions by path (a record without prototype: keys come from the file). */
export function collectPositions(root: unknown, lineCounter: LineCounter): Record<string, FieldPosition> {
  const out = Object.create(null) as Record<string, FieldPosition>;
  const at = (node: YamlNode | null | undefined): FieldPosition | undefined => {
    const offset = node?.range?.[0];
    if (offset === undefined) return undefined;
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // An explicit stack, not recursion: a deeply nested file must not exhaust the call stack.
  const stack: { node: unknown; path: string }[] = [{ node: root, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const child = path === '' ? key : `${path}.${key}`;
        const keyPos = at(pair.key as YamlNode);
        const valuePos = at(pair.value as YamlNode | null) ?? keyPos;
        if (keyPos) out[`${child}#key`] = keyPos;
        if (valuePos) out[child] = valuePos;
        stack.push({ node: pair.value, path: child });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = `${path}[${i}]`;
        const pos = at(item as YamlNode);
        if (pos) out[child] = pos;
        stack.push({ node: item, path: child });
      });
    }
  }
  return out;
}
