/** Where the keyboard focus is in the logs grid: a row (server) and a slot (log index). */
export interface GridPosition {
  readonly row: number;
  readonly slot: number;
}

/** Cells moved by Page Up and Page Down. */
export const LOG_PAGE_CELLS = 10;

/**
 * The position a key moves to in a grid of `rows` x `slots`, the grid
 * pattern of WAI-ARIA: arrows, Home and End (Ctrl for the first or last
 * row too), Page Up and Page Down by LOG_PAGE_CELLS; null for other keys.
 */
export function moveInGrid(
  at: GridPosition,
  key: string,
  ctrl: boolean,
  rows: number,
  slots: number,
): GridPosition | null {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampSlot = (s: number) => Math.max(0, Math.min(slots - 1, s));
  switch (key) {
    case 'ArrowLeft':
      return { row: at.row, slot: clampSlot(at.slot - 1) };
    case 'ArrowRight':
      return { row: at.row, slot: clampSlot(at.slot + 1) };
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), slot: at.slot };
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), slot: at.slot };
    case 'PageUp':
      return { row: at.row, slot: clampSlot(at.slot - LOG_PAGE_CELLS) };
    case 'PageDown':
      return { row: at.row, slot: clampSlot(at.slot + LOG_PAGE_CELLS) };
    case 'Home':
      return { row: ctrl ? 0 : at.row, slot: 0 };
    case 'End':
      return { row: ctrl ? rows - 1 : at.row, slot: clampSlot(slots - 1) };
    default:
      return null;
  }
}
