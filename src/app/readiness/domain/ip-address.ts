/*
 * IP literals and CIDR prefixes as Go's net.ParseIP / net.ParseCIDR read them: IPv4 dotted quads
 * without leading zeros, IPv6 with "::" and an embedded IPv4 tail, no zone. An IPv4-mapped IPv6
 * address (::ffff:a.b.c.d) is the IPv4 address, as Go's net.IP.Equal and IPNet.Contains treat it.
 * Linear in the input; anything else is undefined.
 */

export interface IpAddress {
  readonly family: 4 | 6;
  /** 4 or 16 bytes. */
  readonly bytes: readonly number[];
}

export interface IpPrefix {
  readonly address: IpAddress;
  readonly bits: number;
}

const IPV4_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const IPV6_GROUP = /^[0-9a-f]{1,4}$/i;
const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

export function parseIp(text: string): IpAddress | undefined {
  if (text.length > 45) return undefined;
  return text.includes(':') ? unmap(parseIpv6(text)) : parseIpv4(text);
}

/** "10.0.0.0/8", "fd00::/8"; the address part need not be the network's first address. */
export function parseCidr(text: string): IpPrefix | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const bitsText = text.slice(slash + 1);
  const parsed = text.includes(':') ? parseIpv6(text.slice(0, slash)) : parseIpv4(text.slice(0, slash));
  if (!parsed || !/^[0-9]{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (bits > parsed.bytes.length * 8) return undefined;
  // Go keeps a 4-in-6 prefix in 16 bytes; ::ffff:10.0.0.0/104 is 10.0.0.0/8.
  const mapped = unmap(parsed);
  return mapped && mapped.family === 4 && parsed.family === 6 && bits >= 96
    ? { address: mapped, bits: bits - 96 }
    : { address: parsed, bits };
}

export function prefixContains(prefix: IpPrefix, address: IpAddress): boolean {
  if (prefix.address.family !== address.family) return false;
  for (let bit = 0; bit < prefix.bits; bit += 8) {
    const left = Math.min(8, prefix.bits - bit);
    const mask = (0xff << (8 - left)) & 0xff;
    const index = bit / 8;
    if (((prefix.address.bytes[index] ?? 0) & mask) !== ((address.bytes[index] ?? 0) & mask)) return false;
  }
  return true;
}

export function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.bytes.every((byte, index) => byte === b.bytes[index]);
}

/** 127.0.0.0/8 and ::1, as net.IP.IsLoopback. */
export function isLoopback(address: IpAddress): boolean {
  return address.family === 4 ? address.bytes[0] === 127 : address.bytes.every((byte, index) => byte === (index === 15 ? 1 : 0));
}

function parseIpv4(text: string): IpAddress | undefined {
  const octets = text.split('.');
  if (octets.length !== 4 || !octets.every((octet) => IPV4_OCTET.test(octet) && Number(octet) <= 255)) return undefined;
  return { family: 4, bytes: octets.map(Number) };
}

function parseIpv6(text: string): IpAddress | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groupsOf(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '', true) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return { family: 6, bytes: groups.flatMap((group) => [group >> 8, group & 0xff]) };
}

/** The 16-bit groups of one side of "::"; an IPv4 tail is allowed only at the very end. */
function groupsOf(text: string, mayEndWithIpv4: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && mayEndWithIpv4 && part.includes('.')) {
      const ipv4 = parseIpv4(part);
      if (!ipv4) return undefined;
      const [a = 0, b = 0, c = 0, d = 0] = ipv4.bytes;
      groups.push((a << 8) | b, (c << 8) | d);
    } else if (IPV6_GROUP.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

function unmap(address: IpAddress | undefined): IpAddress | undefined {
  if (!address || address.family === 4) return address;
  const isMapped = MAPPED_PREFIX.every((byte, index) => address.bytes[index] === byte);
  return isMapped ? { family: 4, bytes: address.bytes.slice(12) } : address;
}
