import { describe, expect, it } from 'vitest';
import { nextCell, nextIndex } from './keyboard-cursor';

describe('nextIndex', () => {
  it('steps by one (Shift: a fifth), stops at the ends, jumps with Home/End, hides with Escape', () => {
    expect(nextIndex('ArrowRight', false, 3, 10)).toBe(4);
    expect(nextIndex('ArrowDown', false, 9, 10)).toBe(9);
    expect(nextIndex('ArrowLeft', false, 0, 10)).toBe(0);
    expect(nextIndex('ArrowRight', true, 3, 10)).toBe(5);
    expect(nextIndex('Home', false, 7, 10)).toBe(0);
    expect(nextIndex('End', false, 0, 10)).toBe(9);
    expect(nextIndex('Escape', false, 4, 10)).toBeNull();
    expect(nextIndex('a', false, 4, 10)).toBeUndefined();
  });

  it('starts from the first item (→) or the last (←) when nothing is shown', () => {
    expect(nextIndex('ArrowRight', false, null, 5)).toBe(0);
    expect(nextIndex('ArrowLeft', false, null, 5)).toBe(4);
    expect(nextIndex('ArrowRight', false, null, 0)).toBeUndefined();
  });
});

describe('nextCell', () => {
  it('moves along x with ← →, along y with ↑ ↓, clamped to the grid', () => {
    expect(nextCell('ArrowRight', false, { i: 2, j: 2 }, 5, 4)).toEqual({ i: 3, j: 2 });
    expect(nextCell('ArrowUp', false, { i: 2, j: 3 }, 5, 4)).toEqual({ i: 2, j: 3 });
    expect(nextCell('ArrowDown', false, { i: 2, j: 3 }, 5, 4)).toEqual({ i: 2, j: 2 });
    expect(nextCell('ArrowLeft', true, { i: 1, j: 0 }, 20, 4)).toEqual({ i: 0, j: 0 });
    expect(nextCell('End', false, { i: 1, j: 1 }, 5, 4)).toEqual({ i: 4, j: 1 });
    expect(nextCell('Escape', false, { i: 1, j: 1 }, 5, 4)).toBeNull();
    expect(nextCell('x', false, { i: 1, j: 1 }, 5, 4)).toBeUndefined();
  });

  it('starts from the middle cell', () => {
    expect(nextCell('ArrowRight', false, null, 5, 5)).toEqual({ i: 3, j: 2 });
  });
});
