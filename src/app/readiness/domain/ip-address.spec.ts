import { isLoopback, parseCidr, parseIp, prefixContains } from './ip-address';
import { BridgeNetworkId, bridgeNetworkOf } from './bridge-networks';

describe('parseIp', () => {
  const valid: readonly (readonly [string, 4 | 6, readonly number[]])[] = [
    ['10.0.0.1', 4, [10, 0, 0, 1]],
    ['255.255.255.255', 4, [255, 255, 255, 255]],
    ['::1', 6, [...new Array<number>(15).fill(0), 1]],
    ['::', 6, new Array<number>(16).fill(0)],
    ['fd00::1:2', 6, [0xfd, 0, ...new Array<number>(10).fill(0), 0, 1, 0, 2]],
    ['1:2:3:4:5:6:7:8', 6, [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]],
    ['64:ff9b::10.0.0.1', 6, [0, 0x64, 0xff, 0x9b, ...new Array<number>(8).fill(0), 10, 0, 0, 1]],
    ['::ffff:172.17.0.2', 4, [172, 17, 0, 2]],
  ];
  for (const [text, family, bytes] of valid) {
    it(`reads ${text} as IPv${family}`, () => {
      expect(parseIp(text)).toEqual({ family, bytes });
    });
  }
  const invalid = [
    '',
    '10.0.0',
    '10.0.0.256',
    '010.0.0.1',
    '1.2.3.4.5',
    'a.b.c.d',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '[::1]',
    'fe80::1%eth0',
    '::1.2.3',
    'harbor',
  ];
  for (const text of invalid) {
    it(`refuses "${text}"`, () => {
      expect(parseIp(text)).toBeUndefined();
    });
  }
});

describe('parseCidr and prefixContains', () => {
  const rows: readonly (readonly [string, string, boolean])[] = [
    ['172.17.0.0/16', '172.17.255.1', true],
    ['172.17.0.0/16', '172.18.0.1', false],
    ['10.1.2.3/8', '10.200.0.1', true],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['0.0.0.0/0', '::1', false],
    ['fc00:f853:ccd:e793::/64', 'fc00:f853:ccd:e793::2', true],
    ['fc00:f853:ccd:e793::/64', 'fc00:f853:ccd:e794::2', false],
    ['::ffff:10.0.0.0/104', '10.9.9.9', true],
    ['10.0.0.0/12', '10.15.0.1', true],
    ['10.0.0.0/12', '10.16.0.1', false],
  ];
  for (const [cidr, address, inside] of rows) {
    it(`${inside ? 'finds' : 'does not find'} ${address} in ${cidr}`, () => {
      const prefix = parseCidr(cidr);
      const ip = parseIp(address);
      expect(prefix && ip ? prefixContains(prefix, ip) : undefined).toBe(inside);
    });
  }
  for (const text of ['10.0.0.0/33', '10.0.0.0', '10.0.0.0/-1', 'fd00::/129', 'corp/8', '10.0.0.0/8/8']) {
    it(`refuses "${text}"`, () => {
      expect(parseCidr(text)).toBeUndefined();
    });
  }
});

describe('isLoopback', () => {
  const rows: readonly (readonly [string, boolean])[] = [
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::2', false],
  ];
  for (const [address, loopback] of rows) {
    it(`${loopback ? 'calls' : 'does not call'} ${address} loopback`, () => {
      const ip = parseIp(address);
      expect(ip ? isLoopback(ip) : undefined).toBe(loopback);
    });
  }
});

describe('bridgeNetworkOf', () => {
  const rows: readonly (readonly [string, BridgeNetworkId | undefined])[] = [
    ['172.17.0.1', 'dockerDefault'],
    ['172.18.3.4', 'kindIpv4'],
    ['fc00:f853:ccd:e793::5', 'kindIpv6'],
    ['[fc00:f853:ccd:e793::5]', 'kindIpv6'],
    ['172.19.0.1', undefined],
    ['10.0.0.1', undefined],
    ['harbor.corp.local', undefined],
  ];
  for (const [address, network] of rows) {
    it(`places ${address} in ${network ?? 'no bridge network'}`, () => {
      expect(bridgeNetworkOf(address)?.id).toBe(network);
    });
  }
});
