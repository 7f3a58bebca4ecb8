/** A position in the query text. Offsets are 0-based; line and column are 1-based. */
export interface Span {
  offset: number;
  length: number;
  line: number;
  column: number;
  /**
   * Set when the text is inside a workspace function (options.functions): the span itself is the call in the
   * query, and this is the place in the function's own text (src/binder/workspace-functions.ts).
   */
  origin?: SpanOrigin;
}

/** A place in a workspace function's text: its body (line and column) or its parameter list (column). */
export interface SpanOrigin {
  function: string;
  part: 'body' | 'parameters';
  line: number;
  column: number;
}

/** `in workspace function 'f' (line 3, column 5 of its body)`: the prefix of a message about that place. */
export function describeOrigin(origin: SpanOrigin): string {
  const where = origin.part === 'body' ? `line ${origin.line}, column ${origin.column} of its body` : `column ${origin.column} of its parameters`;
  return `in workspace function '${origin.function}' (${where})`;
}

export const NO_SPAN: Span = { offset: 0, length: 0, line: 1, column: 1 };

/** The smallest span covering both a and b. */
export function joinSpans(a: Span, b: Span): Span {
  const start = a.offset <= b.offset ? a : b;
  const end = Math.max(a.offset + a.length, b.offset + b.length);
  const joined: Span = { offset: start.offset, length: end - start.offset, line: start.line, column: start.column };
  if (start.origin) joined.origin = start.origin;
  return joined;
}
