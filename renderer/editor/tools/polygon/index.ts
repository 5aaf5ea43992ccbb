import type { Tool } from '../framework/types';
import { PolygonIdle } from './Idle';

export const polygonTool: Tool = { id: 'polygon', label: 'Polygon', creates: 'polygon', idle: () => new PolygonIdle() };
