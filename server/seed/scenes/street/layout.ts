import type { Random } from '../../random';
import type { XY } from '../../annotations';

/**
 * The one-point perspective every street scene is built on: a horizon, a vanishing point, a road
 * narrowing towards it, a sidewalk (or grass verge) on each side and, in town, building facades
 * along the sidewalks. All edges are straight lines towards the horizon, so "how big is a thing
 * standing at row y" is one linear function: `depthAt(y)`.
 */
export interface StreetLayout {
  width: number;
  height: number;
  horizon: number;
  vanishX: number;
  road: XY[];
  leftWalk: XY[];
  rightWalk: XY[];
  /** 0 at the horizon, 1 at the bottom edge */
  depthAt(y: number): number;
  roadLeftAt(y: number): number;
  roadRightAt(y: number): number;
  walkLeftOuterAt(y: number): number;
  walkRightOuterAt(y: number): number;
  /** where the left/right facades begin at the horizon */
  facadeLeftEnd: number;
  facadeRightEnd: number;
}

export function createStreetLayout(random: Random, width: number, height: number, highway: boolean): StreetLayout {
  const horizon = Math.round(height * random.range(0.4, 0.5));
  const vanishX = Math.round(width * random.range(0.4, 0.6));
  const halfRoadAtHorizon = width * random.range(0.012, 0.025) * (highway ? 1.6 : 1);
  const roadBottomLeft = width * random.range(0.03, highway ? 0.08 : 0.18);
  const roadBottomRight = width * random.range(highway ? 0.92 : 0.82, 0.97);
  const walkAtHorizon = width * random.range(0.015, 0.03);
  const walkAtBottom = width * random.range(0.25, 0.45);

  const depthAt = (y: number): number => Math.min(1, Math.max(0, (y - horizon) / (height - horizon)));
  const edge = (atHorizon: number, atBottom: number) => (y: number) => atHorizon + (atBottom - atHorizon) * depthAt(y);
  const roadLeftAt = edge(vanishX - halfRoadAtHorizon, roadBottomLeft);
  const roadRightAt = edge(vanishX + halfRoadAtHorizon, roadBottomRight);
  const leftOuterTop = vanishX - halfRoadAtHorizon - walkAtHorizon;
  const rightOuterTop = vanishX + halfRoadAtHorizon + walkAtHorizon;
  const walkLeftOuterAt = edge(leftOuterTop, roadBottomLeft - walkAtBottom);
  const walkRightOuterAt = edge(rightOuterTop, roadBottomRight + walkAtBottom);

  // Where each outer sidewalk edge leaves the frame through the left/right border.
  const rowWhere = (at: (y: number) => number, x: number): number => {
    const top = at(horizon);
    const bottom = at(height);
    const t = (x - top) / (bottom - top);
    return t >= 1 ? height : horizon + (height - horizon) * t;
  };
  const leftExitRow = rowWhere(walkLeftOuterAt, 0);
  const rightExitRow = rowWhere(walkRightOuterAt, width);
  const leftWalk: XY[] = [
    { x: 0, y: height },
    { x: roadBottomLeft, y: height },
    { x: roadLeftAt(horizon), y: horizon },
    { x: leftOuterTop, y: horizon },
    { x: 0, y: leftExitRow },
  ];
  const rightWalk: XY[] = [
    { x: width, y: height },
    { x: roadBottomRight, y: height },
    { x: roadRightAt(horizon), y: horizon },
    { x: rightOuterTop, y: horizon },
    { x: width, y: rightExitRow },
  ];
  const road: XY[] = [
    { x: roadBottomLeft, y: height },
    { x: roadLeftAt(horizon), y: horizon },
    { x: roadRightAt(horizon), y: horizon },
    { x: roadBottomRight, y: height },
  ];
  return {
    width,
    height,
    horizon,
    vanishX,
    road,
    leftWalk,
    rightWalk,
    depthAt,
    roadLeftAt,
    roadRightAt,
    walkLeftOuterAt: (y) => Math.max(0, walkLeftOuterAt(y)),
    walkRightOuterAt: (y) => Math.min(width, walkRightOuterAt(y)),
    facadeLeftEnd: leftOuterTop,
    facadeRightEnd: rightOuterTop,
  };
}

/** A facade parallel to the street: a quad whose top and bottom edges run towards the vanishing point. */
export interface Facade {
  corners: XY[];
  color: string;
  windowColumns: number;
  windowRows: number;
}

export function planFacades(
  random: Random,
  layout: StreetLayout,
  side: 'left' | 'right',
  count: number,
  colors: readonly string[],
): Facade[] {
  const { horizon, vanishX, width, height } = layout;
  const outerEnd = side === 'left' ? layout.facadeLeftEnd : layout.facadeRightEnd;
  const border = side === 'left' ? 0 : width;
  // Facade bottoms sit on the sidewalk's outer edge, a straight line from its far end at the
  // horizon to where it leaves the frame; find its row at column x on that line.
  const exitRow = side === 'left' ? layout.leftWalk[4]!.y : layout.rightWalk[4]!.y;
  const bottomRowAt = (x: number): number => horizon + (exitRow - horizon) * ((x - outerEnd) / (border - outerEnd));
  const weights = Array.from({ length: count }, (_, i) => random.range(1, 2) * (count - i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const facades: Facade[] = [];
  let from = border;
  weights.forEach((weight) => {
    const to = from + ((outerEnd - border) * weight) / total;
    const topAtBorder = height * random.range(0.02, 0.3);
    const topAt = (x: number): number => horizon - (horizon - topAtBorder) * ((vanishX - x) / (vanishX - border));
    facades.push({
      corners: [
        { x: from, y: topAt(from) },
        { x: to, y: topAt(to) },
        { x: to, y: bottomRowAt(to) },
        { x: from, y: bottomRowAt(from) },
      ],
      color: random.pick(colors),
      windowColumns: random.int(2, 6),
      windowRows: random.int(3, 8),
    });
    from = to;
  });
  return facades;
}
