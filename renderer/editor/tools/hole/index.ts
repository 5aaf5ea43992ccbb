import type { Tool } from '../framework/types';
import { HoleIdle } from './Idle';

export const holeTool: Tool = { id: 'hole', label: 'Hole', idle: () => new HoleIdle() };
