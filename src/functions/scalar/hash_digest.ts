import type { KqlType } from '../../runtime/types.js';
import { valueToString } from '../../runtime/values.js';
import type { ArgInfo, BindFailure } from '../registry-types.js';
import { defineScalar } from '../define.js';
import { md5Hex, sha1Hex, sha256Hex, utf8Bytes } from '../digests.js';

/** The analyzer accepts any scalar except dynamic (KS116). */
function notDynamic(name: string) {
  return (args: ArgInfo[]): BindFailure | undefined =>
    args[0].type === 'dynamic'
      ? { error: `Argument 1 of '${name}' must be a scalar, not dynamic.`, argIndex: 0 }
      : undefined;
}

/**
 * hash_sha256 / hash_sha1 / hash_md5 (hash-sha256-function.md, hash-sha1-function.md, hash-md5-function.md):
 * the digest, as lowercase hex, of the UTF-8 bytes of the value's text (tostring rules: the docs' examples for
 * datetime(2020-01-01) are the digests of "2020-01-01T00:00:00.0000000Z"). A null non-string value gives ""
 * (UNCERTAIN: Kusto's result for null; strings are never null, "" is hashed).
 */
function digestFunction(name: string, digest: (bytes: Uint8Array) => string, description: string) {
  return defineScalar({
    name,
    description,
    overloads: [{
      params: ['any'], result: 'string', nulls: 'pass', check: notDynamic(name),
      kernel: ([v], _ctx, info) => {
        if (v === null || v === undefined) return '';
        return digest(utf8Bytes(valueToString(v, info[0].type as KqlType)));
      },
    }],
  });
}

export const hash_sha256 = digestFunction('hash_sha256', sha256Hex, 'The SHA-256 hash of a scalar value (of its text, UTF-8), as a hex string.');
export const hash_sha1 = digestFunction('hash_sha1', sha1Hex, 'The SHA-1 hash of a scalar value (of its text, UTF-8), as a hex string.');
export const hash_md5 = digestFunction('hash_md5', md5Hex, 'The MD5 hash of a scalar value (of its text, UTF-8), as a hex string.');
