/** Strict base64 and the GUID byte order shared by the encoding functions. */

/**
 * The bytes of base64 text, or null when it is not base64 as .NET's Convert.FromBase64String reads it: white
 * space is ignored, the length must be a multiple of 4 and '=' may only pad the end (at most two).
 */
export function decodeBase64(text: string): Uint8Array | null {
  const t = /[ \t\r\n]/.test(text) ? text.replace(/[ \t\r\n]/g, '') : text;
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return null;
  try {
    const bin = atob(t);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Base64 text of bytes (with padding), built in slices so large inputs do not overflow the call stack. */
export function encodeBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

/**
 * The 16 bytes of a GUID in .NET's Guid.ToByteArray order: the first three groups little-endian, the last
 * two as written (ae3133f2-6e22-49ae-b06a-16e6a9b212eb -> f2 33 31 ae 22 6e ae 49 b0 6a ...).
 */
export function guidToBytes(guid: string): Uint8Array | null {
  const hex = guid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return null;
  const b = new Uint8Array(16);
  for (let i = 0; i < 16; i++) b[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return new Uint8Array([b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], ...b.subarray(8)]);
}

/** The GUID of 16 bytes in .NET's order (the inverse of guidToBytes), lower-case with hyphens. */
export function bytesToGuid(b: Uint8Array): string {
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  const hex = order.map((i) => b[i]!.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
