// A visitor's network address as the per-address limits count it: an IPv4 address as it is, an IPv6 address by its
// /64 (one household or phone is given a whole /64, so its 2^64 addresses are one visitor). Only a keyed hash of
// this key is ever stored.

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const GROUP = /^[0-9a-f]{1,4}$/i;

function expandIpv6(address: string): string[] | null {
  const [head = '', tail] = address.split('::');
  if (address.split('::').length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  let left = part(head);
  let right = tail === undefined ? [] : part(tail);
  // An embedded IPv4 tail ("::ffff:192.0.2.1") is two groups.
  const last = (tail === undefined ? left : right).at(-1);
  if (last?.includes('.')) {
    if (!IPV4.test(last)) return null;
    const octets = last.split('.').map(Number);
    const groups = [(octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!].map((n) =>
      n.toString(16),
    );
    if (tail === undefined) left = [...left.slice(0, -1), ...groups];
    else right = [...right.slice(0, -1), ...groups];
  }
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  if (![...left, ...right].every((g) => GROUP.test(g))) return null;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((g) =>
    g.toLowerCase().padStart(4, '0'),
  );
}

/** "203.0.113.7" → "203.0.113.7"; "2001:db8:1:2:aa::1" → "2001:0db8:0001:0002::/64"; null for anything else. */
export function addressKey(address: string | null | undefined): string | null {
  if (!address) return null;
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0]!;
  if (IPV4.test(bare)) return bare;
  if (!bare.includes(':')) return null;
  const groups = expandIpv6(bare);
  if (!groups) return null;
  // An IPv4 address written as IPv6 (::ffff:a.b.c.d) is that IPv4 address.
  if (groups.slice(0, 5).every((g) => g === '0000') && groups[5] === 'ffff') {
    const n = [groups[6]!, groups[7]!].map((g) => parseInt(g, 16));
    return [n[0]! >> 8, n[0]! & 255, n[1]! >> 8, n[1]! & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}
