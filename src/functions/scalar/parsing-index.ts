import type { ScalarFunction } from '../registry-types.js';
import { extract_json } from './extract_json.js';
import { hash } from './hash.js';
import { hash_md5, hash_sha1, hash_sha256 } from './hash_digest.js';
import { ingestion_time } from './ingestion_time.js';
import { parse_command_line } from './parse_command_line.js';
import { parse_path } from './parse_path.js';
import { parse_xml } from './parse_xml.js';
import { unicode_codepoints_from_string, unicode_codepoints_to_string } from './unicode_codepoints.js';

/** Parsing, hashing and code point functions (parse_xml, extract_json, parse_command_line, parse_path, hash_*, ...). */
export const PARSING_SCALARS: ScalarFunction[] = [
  parse_xml, extract_json, parse_command_line, parse_path, hash_sha256, hash_sha1, hash_md5,
  unicode_codepoints_to_string, unicode_codepoints_from_string, ingestion_time, hash,
];
