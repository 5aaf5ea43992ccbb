import type { Tool } from '../framework/types';
import { SelectIdle } from './Idle';

export const selectTool: Tool = { id: 'select', label: 'Select', idle: () => new SelectIdle() };
