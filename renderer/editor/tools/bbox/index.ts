import type { Tool } from '../framework/types';
import { BoxIdle } from './Idle';

export const bboxTool: Tool = { id: 'bbox', label: 'Box', creates: 'bbox', idle: () => new BoxIdle() };
