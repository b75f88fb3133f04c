import { describe, expect, it } from 'vitest';
import { addressKey } from './address.js';

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aa::1', '2001:0db8:0001:0002::/64'],
    ['2001:DB8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002::/64'],
    ['[2001:db8:1:2::5]', '2001:0db8:0001:0002::/64'],
    ['fe80::1%eth0', 'fe80:0000:0000:0000::/64'],
    ['::1', '0000:0000:0000:0000::/64'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['', null],
    [undefined, null],
    ['not an address', null],
    ['999.1.1.1', null],
  ])('%j → %j', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('counts two addresses of one /64 as one visitor, and two /64s as two', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:9999:8888:7777:6666'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

describe('addressKey refuses what is not an address', () => {
  it.each(['2001:db8::1::2', '2001:db8:zz::1', '1:2:3:4:5:6:7:8:9', '::ffff:300.1.1.1', '1.2.3'])(
    '%j',
    (a) => {
      expect(addressKey(a)).toBeNull();
    },
  );
});
