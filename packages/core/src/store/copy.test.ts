import { describe, expect, it } from 'vitest';
import { copy } from './copy.js';

describe('copying records', () => {
  it('copies plain data deeply and keeps what is not plain data intact', () => {
    const at = new Date(0);
    const value = { a: [{ b: 1 }], c: { d: 'x' }, at, none: null, n: 1 };
    const out = copy(value);
    expect(out).toEqual(value);
    expect(out.a).not.toBe(value.a);
    expect(out.a[0]).not.toBe(value.a[0]);
    expect(out.c).not.toBe(value.c);
    expect(out.at).not.toBe(at);
    expect(out.at.getTime()).toBe(0);
  });

  it('copies objects without a prototype and leaves text as it is', () => {
    const bare = Object.assign(Object.create(null), { k: { v: 1 } });
    const out = copy(bare);
    expect(out).toEqual({ k: { v: 1 } });
    expect(out.k).not.toBe(bare.k);
    expect(copy('text')).toBe('text');
    expect(copy([1, [2]])).toEqual([1, [2]]);
  });
});
