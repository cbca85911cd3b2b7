import { CONTRAST_GRAPHIC_MIN, CONTRAST_TEXT_MIN } from './contrast.ts';

/**
 * The colours of the page, for the light and the dark theme. tokens.css
 * declares each as `--name: light-dark(light, dark)`; a test checks that the
 * two agree and that every pair below has enough contrast in both themes.
 * Colour is never the only cue: each also has a shape or a text.
 */
export const THEME_TOKENS = {
  '--rv-bg': ['#ffffff', '#161a22'],
  '--rv-surface': ['#f3f5f8', '#1f242e'],
  '--rv-fg': ['#1d2330', '#e8ecf2'],
  '--rv-muted': ['#525b6a', '#a9b2c0'],
  '--rv-border': ['#7d8697', '#7a8598'],
  '--rv-focus': ['#1f5fd1', '#8cb8ff'],
  '--rv-danger': ['#b3261e', '#ff9a90'],
  '--rv-danger-bg': ['#fde7e5', '#4a1a17'],
  '--rv-ok': ['#1e6f30', '#7ddc8f'],
  '--rv-ok-bg': ['#e3f5e7', '#173a20'],
  '--rv-warn': ['#805300', '#f3c35a'],
  '--rv-warn-bg': ['#fff3d6', '#3d2f0c'],
  '--role-leader': ['#1f5fd1', '#8cb8ff'],
  '--role-candidate': ['#8a5a00', '#f3c35a'],
  '--role-follower': ['#525b6a', '#a9b2c0'],
  '--role-crashed': ['#6b7280', '#8b93a1'],
  '--rv-canvas': ['#e9ecf1', '#0f1218'],
  '--rv-link-mark': ['#6a2fb3', '#c9a3ff'],
  '--role-leader-fill': ['#1f5fd1', '#1f5fd1'],
  '--role-on-leader': ['#ffffff', '#ffffff'],
  '--role-candidate-fill': ['#f6c453', '#6b4e0c'],
  '--role-precandidate-fill': ['#fbe6b0', '#4d3a0e'],
  '--role-follower-fill': ['#dfe5ee', '#2c333f'],
  '--role-crashed-fill': ['#b9bcc2', '#3a3f48'],
  '--hist-ok': ['#cdebd3', '#1f4f2a'],
  '--hist-fail': ['#f8d3cf', '#5a1f1b'],
  '--hist-info': ['#fbe7b5', '#4d3a0e'],
  '--hist-pending': ['#dfe3ea', '#2c333f'],
  '--hist-order': ['#6a2fb3', '#c9a3ff'],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

export type ThemeToken = keyof typeof THEME_TOKENS;

/**
 * Term colours, a fixed cycle: the same term has the same colour on every
 * row and in every run. Each background carries `--term-fg` text.
 */
export const TERM_BACKGROUNDS: readonly (readonly [light: string, dark: string])[] = [
  ['#cfe0fb', '#1f3f73'],
  ['#fde2c4', '#6b3b10'],
  ['#d3f0d0', '#1f5526'],
  ['#e6d8fa', '#4a2d7a'],
  ['#c9eef0', '#125257'],
  ['#fbd3df', '#6e2340'],
  ['#f3ecb0', '#554a0a'],
  ['#e4dcd2', '#4a4037'],
];
export const TERM_FG: readonly [light: string, dark: string] = ['#141a24', '#f5f7fa'];

/** The CSS class of a term's colour; terms 1, 9, 17, ... share the first. */
export function termColourClass(term: number): string {
  const n = TERM_BACKGROUNDS.length;
  return `rv-term-${(((term - 1) % n) + n) % n}`;
}

/** Pairs that must stay readable: [foreground, background, minimum ratio]. */
export const CONTRAST_PAIRS: readonly (readonly [ThemeToken, ThemeToken, number])[] = [
  ['--rv-fg', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--rv-surface', CONTRAST_TEXT_MIN],
  ['--rv-muted', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--rv-muted', '--rv-surface', CONTRAST_TEXT_MIN],
  ['--rv-danger', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--rv-danger', '--rv-danger-bg', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--rv-danger-bg', CONTRAST_TEXT_MIN],
  ['--rv-ok', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--rv-ok', '--rv-ok-bg', CONTRAST_TEXT_MIN],
  ['--rv-warn', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--rv-warn', '--rv-warn-bg', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--rv-warn-bg', CONTRAST_TEXT_MIN],
  ['--role-leader', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--role-candidate', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--role-follower', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--role-crashed', '--rv-bg', CONTRAST_TEXT_MIN],
  ['--rv-focus', '--rv-bg', CONTRAST_GRAPHIC_MIN],
  ['--rv-border', '--rv-bg', CONTRAST_GRAPHIC_MIN],
  ['--rv-fg', '--rv-canvas', CONTRAST_TEXT_MIN],
  ['--rv-link-mark', '--rv-bg', CONTRAST_GRAPHIC_MIN],
  ['--rv-link-mark', '--rv-surface', CONTRAST_GRAPHIC_MIN],
  ['--role-on-leader', '--role-leader-fill', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--role-candidate-fill', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--role-precandidate-fill', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--role-follower-fill', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--role-crashed-fill', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--hist-ok', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--hist-fail', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--hist-info', CONTRAST_TEXT_MIN],
  ['--rv-fg', '--hist-pending', CONTRAST_TEXT_MIN],
  ['--rv-bg', '--hist-order', CONTRAST_TEXT_MIN],
  ['--hist-order', '--rv-bg', CONTRAST_TEXT_MIN],
];
