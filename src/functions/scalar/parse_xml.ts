import { defineScalar } from '../define.js';
import { parseXml } from '../xml.js';

/**
 * parse_xml(xml) (parse-xml-function.md): XML text -> dynamic in Json.NET's shape ('@attr', '#text', repeated
 * children as arrays); null for invalid XML, input over 1 MB or nesting deeper than 256. See ../xml.ts.
 * UNCERTAIN: the docs' example shows numeric element text as JSON numbers; values stay strings here, as the
 * docs' conversion table (and Json.NET) has them.
 */
export const parse_xml = defineScalar({
  name: 'parse_xml',
  description: 'Interprets a string as XML and returns it as a dynamic value (attributes as @name, text as #text).',
  overloads: [{ params: ['str'], result: 'dynamic', kernel: ([s]) => parseXml(s as string) }],
});
