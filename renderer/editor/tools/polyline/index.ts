import type { Tool } from '../framework/types';
import { PolylineIdle } from './Idle';

export const polylineTool: Tool = {
  id: 'polyline',
  label: 'Polyline',
  creates: 'polyline',
  idle: () => new PolylineIdle(),
};
