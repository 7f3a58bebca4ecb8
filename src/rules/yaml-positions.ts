/**
 * Where a value of a parsed YAML document is written: the line and column of the node a path of keys and
 * list indexes leads to, so errors and warnings about a scenario file can point at the offending text.
 * Browser-safe.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';

/** One step of a path: a mapping key or a list index. */
export type YamlPathStep = string | number;

export interface YamlPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Offset of the node in the text, and its length on its first line (for a caret under it). */
  offset: number;
  length: number;
}

/** The node an alias refers to (YAML resolves `*a` to the last `&a` before it). */
function resolved(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function positionOfNode(node: YamlNode | null | undefined, lineCounter: LineCounter): YamlPosition | undefined {
  const range = node?.range;
  if (!range) return undefined;
  const { line, col } = lineCounter.linePos(range[0]);
  // A mapping or a block scalar runs over several lines: the caret marks where it starts.
  const nextLine = lineCounter.lineStarts[line];
  const end = nextLine === undefined ? range[1] : Math.min(range[1], nextLine - 1);
  return { line, column: col, offset: range[0], length: Math.max(0, end - range[0]) };
}

/**
 * The position of what `path` names in `doc` (from `parseYaml`): when the last step is a mapping key, the
 * key itself (`['scenarios', 3, 'tables', 'SigninLogs', 0, 'ResultTyp']` -> the `ResultTyp` key);
 * when it is a list index, the item. A step that does not exist stops the walk: the position is then
 * that of the deepest node found (the mapping that lacks the key), else the document's start (1:1).
 */
export function positionOf(doc: Document, lineCounter: LineCounter, path: readonly YamlPathStep[]): YamlPosition {
  let node: unknown = doc.contents;
  let best = positionOfNode(doc.contents as YamlNode | null, lineCounter);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    node = resolved(node, doc);
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      const keyPos = positionOfNode(pair.key as YamlNode, lineCounter);
      if (last) return keyPos ?? best ?? start();
      best = keyPos ?? best;
      node = pair.value;
      // A key with no value (`expect:`) has no node of its own: its key stands for it.
      best = positionOfNode(resolved(node, doc) as YamlNode | null, lineCounter) ?? best;
    } else if (isSeq(node) && typeof step === 'number' && step >= 0 && step < node.items.length) {
      node = node.items[step];
      best = positionOfNode(resolved(node, doc) as YamlNode | null, lineCounter) ?? best;
    } else break;
  }
  return best ?? start();
}

function start(): YamlPosition {
  return { line: 1, column: 1, offset: 0, length: 0 };
}
