import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Rgba } from './contrast';
import { contrastRatio, customProperties, over, parseColor } from './contrast';

const css = readFileSync(new URL('../../../../renderer/styles/tokens.css', import.meta.url), 'utf8');
const themes = {
  dark: customProperties(css, ":root[data-theme='dark']"),
  light: customProperties(css, ":root[data-theme='light']"),
};

/** Text sizes under 18.66 px bold / 24 px need 4.5:1; UI boundaries and focus indicators 3:1 (WCAG 1.4.3, 1.4.11). */
const TEXT = 4.5;
const UI = 3;

/**
 * The token pairs the screens actually paint: [foreground, background, minimum]. Backgrounds that
 * are translucent (accent-soft under a pressed chip, a selected row) are composited over the
 * surface they sit on, as the browser does.
 */
const PAIRS: [string, string, number][] = [
  ...['--bg', '--bg-raised', '--surface', '--surface-2', '--surface-hover', '--accent-soft'].flatMap(
    (bg): [string, string, number][] => [
      ['--text', bg, TEXT],
      ['--text-muted', bg, TEXT],
    ],
  ),
  ...['--bg', '--bg-raised', '--surface', '--surface-2'].map((bg): [string, string, number] => [
    '--text-faint',
    bg,
    TEXT,
  ]),
  ['--accent-text', '--accent', TEXT],
  ['--accent-text', '--accent-hover', TEXT],
  ['--warning', '--bg', TEXT],
  ['--warning', '--bg-raised', TEXT],
  ['--warning', '--surface', TEXT],
  ['--success', '--bg', TEXT],
  ['--success', '--surface', TEXT],
  ['--danger', '--surface', TEXT],
  ['--danger', '--danger-soft', TEXT],
  // Focus rings, the active tile's ring, a pressed chip's border: visible against what is around them.
  ['--accent', '--bg', UI],
  ['--accent', '--bg-raised', UI],
  ['--accent', '--surface', UI],
  ['--accent', '--surface-2', UI],
];

function resolve(theme: Map<string, string>, name: string, base: Rgba): Rgba {
  const value = theme.get(name);
  if (value === undefined) throw new Error(`${name} is not declared`);
  const color = parseColor(value);
  return color.a < 1 ? over(color, base) : color;
}

describe.each(Object.entries(themes))('%s theme tokens meet WCAG 2.1 AA', (_name, theme) => {
  const page = parseColor(theme.get('--surface')!);

  it.each(PAIRS)('%s on %s ≥ %s:1', (fg, bg, minimum) => {
    const background = resolve(theme, bg, page);
    const foreground = resolve(theme, fg, background);
    expect(contrastRatio(foreground, background)).toBeGreaterThanOrEqual(minimum);
  });
});

describe('contrast maths', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio(parseColor('#000'), parseColor('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor('#777777'), parseColor('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(over(parseColor('rgba(0, 0, 0, 0.5)'), parseColor('#ffffff')).r).toBeCloseTo(127.5, 5);
    expect(() => parseColor('hsl(0 0% 0%)')).toThrow();
  });
});
