import type { DynamicValue } from '../../runtime/values.js';
import { defineScalar } from '../define.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):\/\//;
const DRIVE = /^[A-Za-z]:/;
const isSep = (c: string): boolean => c === '/' || c === '\\';

/**
 * parse_path(path) (parse-path-function.md) -> {Scheme, RootPath, DirectoryPath, DirectoryName, Filename,
 * Extension, AlternateDataStreamName}, every part text ("" when absent). Worked from the docs' examples:
 * - Scheme: `scheme://` is removed first (two or more letters, so `C://` stays a drive);
 * - RootPath: a drive `X:` (after a `\\?\` long-path prefix, if any); UNC and `/` paths have none;
 * - DirectoryPath: everything before the last `/` or `\` (a lone root keeps its separator: `C:\`, `/`);
 * - DirectoryName: the last component of DirectoryPath;
 * - Filename: after the last separator, up to a `:` that starts an alternate data stream;
 * - Extension: after the last `.` of Filename.
 * UNCERTAIN: the parts for paths the docs do not show (roots alone, long-path prefixes, `C:file`).
 */
export function parsePath(path: string): DynamicValue {
  let rest = path;
  let scheme = '';
  const m = SCHEME.exec(rest);
  if (m) {
    scheme = m[1];
    rest = rest.slice(m[0].length);
  }
  const longPrefix = /^\\\\[?.]\\/.exec(rest)?.[0] ?? '';
  const afterPrefix = rest.slice(longPrefix.length);
  const rootPath = DRIVE.test(afterPrefix) ? afterPrefix.slice(0, 2) : '';

  let lastSep = -1;
  for (let i = rest.length - 1; i >= 0; i--) {
    if (isSep(rest[i])) { lastSep = i; break; }
  }
  const rootEnd = longPrefix.length + rootPath.length; // where the drive ends
  let directoryPath: string;
  let fileStart: number;
  if (lastSep < 0) {
    directoryPath = rootPath === '' ? '' : rest.slice(0, rootEnd);
    fileStart = rootEnd;
  } else {
    directoryPath = rest.slice(0, lastSep);
    // A root alone keeps its separator: "C:\file" -> "C:\", "/file" -> "/".
    if (directoryPath.length === rootEnd || /^[\\/]+$/.test(directoryPath)) directoryPath = rest.slice(0, lastSep + 1);
    fileStart = lastSep + 1;
  }
  let filename = rest.slice(fileStart);
  let stream = '';
  const colon = filename.indexOf(':');
  if (colon >= 0) {
    stream = filename.slice(colon + 1);
    filename = filename.slice(0, colon);
  }
  const dot = filename.lastIndexOf('.');
  const extension = dot >= 0 ? filename.slice(dot + 1) : '';

  let directoryName = '';
  const trimmedDir = directoryPath.replace(/[\\/]+$/, '');
  if (trimmedDir.length > rootEnd || (rootPath === '' && trimmedDir !== '')) {
    let k = trimmedDir.length - 1;
    while (k >= 0 && !isSep(trimmedDir[k])) k--;
    directoryName = trimmedDir.slice(k + 1);
    if (directoryName === rootPath && k < 0) directoryName = '';
  }
  return {
    Scheme: scheme, RootPath: rootPath, DirectoryPath: directoryPath, DirectoryName: directoryName,
    Filename: filename, Extension: extension, AlternateDataStreamName: stream,
  };
}

export const parse_path = defineScalar({
  name: 'parse_path',
  description: 'Parses a file path into {Scheme, RootPath, DirectoryPath, DirectoryName, Filename, Extension, AlternateDataStreamName}.',
  overloads: [{ params: ['string'], result: 'dynamic', kernel: ([s]) => parsePath(s as string) }],
});
