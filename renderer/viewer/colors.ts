/**
 * Class colours. The contract says lowercase `#rrggbb`; hosted servers and old datasets send
 * other things ('red', '#FFF', ''), and annotations may name a class the dataset no longer has.
 * Those still get a colour, the same one every time for the same name, and say why in the legend.
 */
export type ColorStatus = 'ok' | 'invalid-color' | 'missing-class';

export interface ResolvedColor {
  /** Always `#rrggbb`. */
  color: string;
  status: ColorStatus;
}

const HEX6 = /^#([0-9a-f]{6})$/i;
const HEX3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i;

/** `#rrggbb` (any case) or `#rgb` → lowercase `#rrggbb`; anything else → null. */
export function parseHexColor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (HEX6.test(trimmed)) return trimmed.toLowerCase();
  const short = HEX3.exec(trimmed);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return null;
}

/** FNV-1a over UTF-16 code units: small, stable across runs and machines. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** A saturated, mid-light colour chosen by the class name, readable on photos and both themes. */
export function fallbackColor(name: string): string {
  const h = hash(name);
  return hslToHex(h % 360, 0.75, 0.55 + ((h >>> 9) % 10) / 100);
}

export function resolveClassColor(name: string, declared: { color: unknown } | undefined): ResolvedColor {
  if (!declared) return { color: fallbackColor(name), status: 'missing-class' };
  const parsed = parseHexColor(declared.color);
  return parsed ? { color: parsed, status: 'ok' } : { color: fallbackColor(name), status: 'invalid-color' };
}

/** `#rrggbb` + alpha → a CSS colour string the canvas accepts. */
export function withAlpha(hex: string, alpha: number): string {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
