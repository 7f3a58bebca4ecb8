/** A position in the query text. Offsets are 0-based; line and column are 1-based. */
export interface Span {
  offset: number;
  length: number;
  line: number;
  column: number;
}

export const NO_SPAN: Span = { offset: 0, length: 0, line: 1, column: 1 };

/** The smallest span covering both a and b. */
export function joinSpans(a: Span, b: Span): Span {
  const start = a.offset <= b.offset ? a : b;
  const end = Math.max(a.offset + a.length, b.offset + b.length);
  return { offset: start.offset, length: end - start.offset, line: start.line, column: start.column };
}
