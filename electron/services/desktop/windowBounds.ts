/**
 * Where the main window reopens (issue 12 item 3): the saved size, position and maximised state,
 * but only where it can still be seen. A monitor unplugged since, or a smaller one, must never leave
 * the window off screen or larger than the screen. Pure: the display tables are unit-tested.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  /** The normal (not maximised) bounds, so un-maximising returns there. */
  bounds: Rect;
  maximized: boolean;
}

/** What the glue reads from Electron's `screen`: each display's work area (no taskbar, dock or menu bar). */
export interface DisplayArea {
  workArea: Rect;
  primary: boolean;
}

export interface WindowPlacement {
  /** Absent: let the OS place it (no display known). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface WindowSizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** How much of the window's top edge (where the title bar is) must be on a display to grab it. */
const GRAB_WIDTH = 100;
const GRAB_HEIGHT = 32;
/** Coordinates beyond this are nonsense (a corrupt file), not a very large desktop. */
const MAX_COORDINATE = 100_000;

const finiteInt = (value: unknown, min: number, max: number): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? Math.round(value) : null;

/** The file's JSON, or null for anything that is not a plausible saved state (garbage, old shapes, huge numbers). */
export function parseWindowState(text: string): SavedWindowState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return null;
  const raw = bounds as Record<string, unknown>;
  const x = finiteInt(raw.x, -MAX_COORDINATE, MAX_COORDINATE);
  const y = finiteInt(raw.y, -MAX_COORDINATE, MAX_COORDINATE);
  const width = finiteInt(raw.width, 1, MAX_COORDINATE);
  const height = finiteInt(raw.height, 1, MAX_COORDINATE);
  if (x === null || y === null || width === null || height === null) return null;
  return { bounds: { x, y, width, height }, maximized };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

function sizeWithin(width: number, height: number, area: Rect, limits: WindowSizeLimits) {
  // A work area smaller than our minimum still wins: a window bigger than the screen cannot be used.
  return {
    width: Math.min(Math.max(width, limits.minWidth), area.width),
    height: Math.min(Math.max(height, limits.minHeight), area.height),
  };
}

/**
 * The placement for the new window: the saved bounds when their title bar is still on a connected
 * display (moved inside that display if they stick out); otherwise the saved size, clamped to the
 * primary display's work area, centred on it. No saved state: the default size, centred.
 */
export function restoreBounds(
  saved: SavedWindowState | null,
  displays: readonly DisplayArea[],
  limits: WindowSizeLimits,
): WindowPlacement {
  const primary = displays.find((display) => display.primary) ?? displays[0];
  const maximized = saved?.maximized ?? false;
  if (!primary) {
    const width = Math.max(saved?.bounds.width ?? limits.width, limits.minWidth);
    const height = Math.max(saved?.bounds.height ?? limits.height, limits.minHeight);
    return { width, height, maximized };
  }
  if (saved) {
    const grab: Rect = { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: GRAB_HEIGHT };
    const home = displays.find((display) => {
      const seen = overlap(grab, display.workArea);
      return seen.width >= Math.min(GRAB_WIDTH, saved.bounds.width) && seen.height >= GRAB_HEIGHT / 2;
    });
    if (home) {
      const area = home.workArea;
      const size = sizeWithin(saved.bounds.width, saved.bounds.height, area, limits);
      return {
        x: clamp(saved.bounds.x, area.x, area.x + area.width - size.width),
        y: clamp(saved.bounds.y, area.y, area.y + area.height - size.height),
        ...size,
        maximized,
      };
    }
  }
  const area = primary.workArea;
  const size = sizeWithin(saved?.bounds.width ?? limits.width, saved?.bounds.height ?? limits.height, area, limits);
  return {
    x: area.x + Math.round((area.width - size.width) / 2),
    y: area.y + Math.round((area.height - size.height) / 2),
    ...size,
    maximized,
  };
}
