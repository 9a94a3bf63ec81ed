/*
 * The host of a registry reference: a DNS name (an internationalised name becomes punycode), an
 * IPv4 literal, or an IPv6 literal in brackets. Hosts compare case-insensitively, so the
 * canonical form is lowercase.
 */
import { toASCII, toUnicode } from 'punycode/';

export type RegistryHostKind = 'dns' | 'ipv4' | 'ipv6';

export interface RegistryHost {
  /** Canonical: punycode, lowercase; an IPv6 literal keeps its brackets. */
  readonly host: string;
  /** The Unicode form of an internationalised name, else the same as host. */
  readonly displayHost: string;
  readonly kind: RegistryHostKind;
}

const MAX_DNS_NAME_LENGTH = 253;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const IPV6_GROUP = /^[0-9a-f]{1,4}$/;

/** Parses a host as typed (no port); undefined when it is none of the three kinds. */
export function parseRegistryHost(text: string): RegistryHost | undefined {
  if (text.startsWith('[')) {
    return parseBracketedIpv6(text);
  }
  // Digits and dots only can only mean an IPv4 address: 10.0.0 or 010.0.0.1 is a typo, not a name.
  if (/^[0-9.]+$/.test(text)) {
    return isIpv4(text) ? { host: text, displayHost: text, kind: 'ipv4' } : undefined;
  }
  return parseDnsName(text);
}

function isIpv4(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every((octet) => IPV4_OCTET.test(octet) && Number(octet) <= 255);
}

function parseBracketedIpv6(text: string): RegistryHost | undefined {
  if (!text.endsWith(']')) {
    return undefined;
  }
  const address = text.slice(1, -1).toLowerCase();
  const host = `[${address}]`;
  return isIpv6(address) ? { host, displayHost: host, kind: 'ipv6' } : undefined;
}

/** RFC 4291 text forms, including `::` and an IPv4 tail (::ffff:10.0.0.1); no zone index. */
function isIpv6(address: string): boolean {
  const tailStart = address.lastIndexOf(':') + 1;
  const tail = address.slice(tailStart);
  const hasIpv4Tail = tail.includes('.');
  if (hasIpv4Tail && !isIpv4(tail)) {
    return false;
  }
  // An IPv4 tail stands for two groups.
  const hex = hasIpv4Tail ? `${address.slice(0, tailStart)}0:0` : address;
  const halves = hex.split('::');
  if (halves.length > 2) {
    return false;
  }
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => IPV6_GROUP.test(group))) {
    return false;
  }
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

function parseDnsName(text: string): RegistryHost | undefined {
  let host: string;
  let displayHost: string;
  try {
    // Lowercase before encoding: punycode keeps the case of what it encodes (Ü and ü differ).
    host = toASCII(text.normalize('NFC').toLowerCase()).toLowerCase();
    displayHost = toUnicode(host);
  } catch {
    // punycode throws RangeError on input it cannot encode or an xn-- label it cannot decode.
    return undefined;
  }
  const isValid = host.length <= MAX_DNS_NAME_LENGTH && host.split('.').every((label) => DNS_LABEL.test(label));
  return isValid ? { host, displayHost, kind: 'dns' } : undefined;
}
