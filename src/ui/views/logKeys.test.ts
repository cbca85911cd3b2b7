import { describe, expect, it } from 'vitest';
import { LOG_PAGE_CELLS, moveInGrid } from './logKeys.ts';

describe('moveInGrid', () => {
  const at = { row: 1, slot: 5 };

  it('moves by arrows and stays inside the grid', () => {
    expect(moveInGrid(at, 'ArrowRight', false, 3, 100)).toEqual({ row: 1, slot: 6 });
    expect(moveInGrid(at, 'ArrowUp', false, 3, 100)).toEqual({ row: 0, slot: 5 });
    expect(moveInGrid({ row: 0, slot: 0 }, 'ArrowLeft', false, 3, 100)).toEqual({
      row: 0,
      slot: 0,
    });
    expect(moveInGrid({ row: 2, slot: 0 }, 'ArrowDown', false, 3, 100)).toEqual({
      row: 2,
      slot: 0,
    });
  });

  it('jumps by page and to either end, Ctrl taking the row along', () => {
    expect(moveInGrid(at, 'PageDown', false, 3, 100)).toEqual({ row: 1, slot: 5 + LOG_PAGE_CELLS });
    expect(moveInGrid(at, 'PageUp', false, 3, 100)).toEqual({ row: 1, slot: 0 });
    expect(moveInGrid(at, 'End', false, 3, 100)).toEqual({ row: 1, slot: 99 });
    expect(moveInGrid(at, 'Home', true, 3, 100)).toEqual({ row: 0, slot: 0 });
    expect(moveInGrid(at, 'End', true, 3, 100)).toEqual({ row: 2, slot: 99 });
  });

  it('ignores other keys', () => {
    expect(moveInGrid(at, 'a', false, 3, 100)).toBeNull();
  });
});
