/**
 * Term matching for has / hasprefix / hassuffix (datatypes-string-operators.md): a term is a maximal run of
 * ASCII alphanumerics. The needle matches where it occurs in the text bounded by term boundaries; a needle
 * edge that is itself not alphanumeric needs no boundary there (so "a-b" matches inside "x a-b y").
 */
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export type TermMode = 'whole' | 'prefix' | 'suffix';

export function hasTerm(text: string, needle: string, caseSensitive: boolean, mode: TermMode = 'whole'): boolean {
  if (needle === '') return true;
  return caseSensitive ? findTerm(text, needle, mode) : findTerm(text.toLowerCase(), needle.toLowerCase(), mode);
}

/** hasTerm on text and needle already in one case (callers with several needles lower-case the text once). */
export function findTerm(t: string, n: string, mode: TermMode = 'whole'): boolean {
  if (n === '') return true;
  const checkStart = mode !== 'suffix' && isAlnum(n.charCodeAt(0));
  const checkEnd = mode !== 'prefix' && isAlnum(n.charCodeAt(n.length - 1));
  for (let i = t.indexOf(n); i !== -1; i = t.indexOf(n, i + 1)) {
    const startOk = !checkStart || i === 0 || !isAlnum(t.charCodeAt(i - 1));
    const end = i + n.length;
    const endOk = !checkEnd || end === t.length || !isAlnum(t.charCodeAt(end));
    if (startOk && endOk) return true;
  }
  return false;
}
