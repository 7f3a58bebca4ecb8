import { NO_SPAN, describeOrigin, type Span } from './span.js';

export type KqlErrorPhase = 'syntax' | 'semantic' | 'runtime';

/** Base class of every error mini-kql reports to its caller. */
export class KqlError extends Error {
  readonly code: string;
  readonly phase: KqlErrorPhase;
  readonly span: Span;
  /** 1-based line of the offending text. */
  readonly line: number;
  /** 1-based column of the offending text. */
  readonly column: number;

  constructor(phase: KqlErrorPhase, code: string, message: string, span: Span = NO_SPAN) {
    // Inside a workspace function the span is its call in the query; the message says where in the function.
    const text = span.origin ? `${describeOrigin(span.origin)}: ${message}` : message;
    super(`${text} (line ${span.line}, column ${span.column})`);
    this.name = 'KqlError';
    this.phase = phase;
    this.code = code;
    this.span = span;
    this.line = span.line;
    this.column = span.column;
  }

  /** Keeps the underlying error or reason as `cause` (not enumerable, like Error's own option). */
  withCause(cause: unknown): this {
    Object.defineProperty(this, 'cause', { value: cause, enumerable: false, configurable: true, writable: true });
    return this;
  }
}

export class KqlSyntaxError extends KqlError {
  constructor(code: string, message: string, span?: Span) {
    super('syntax', code, message, span);
    this.name = 'KqlSyntaxError';
  }
}

export class KqlSemanticError extends KqlError {
  constructor(code: string, message: string, span?: Span) {
    super('semantic', code, message, span);
    this.name = 'KqlSemanticError';
  }
}

export class KqlRuntimeError extends KqlError {
  constructor(code: string, message: string, span?: Span) {
    super('runtime', code, message, span);
    this.name = 'KqlRuntimeError';
  }
}
