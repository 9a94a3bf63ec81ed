/*
 * Types for the userland `punycode` package (2.3.1), which ships none. The trailing slash in
 * 'punycode/' selects the package rather than Node's deprecated core module of the same name.
 */
declare module 'punycode/' {
  /** Converts a Unicode domain name to its ASCII (punycode) form; ASCII labels pass through. */
  export function toASCII(domain: string): string;
  /** Converts an ASCII domain name with xn-- labels back to Unicode, for display. */
  export function toUnicode(domain: string): string;
}
