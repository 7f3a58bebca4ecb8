/** The punycode package's CommonJS entry (punycode/punycode.js), imported by path so Node's deprecated built-in is not used. */
declare module 'punycode/punycode.js' {
  const punycode: {
    decode(input: string): string;
    encode(input: string): string;
    toASCII(input: string): string;
    toUnicode(input: string): string;
  };
  export default punycode;
}
