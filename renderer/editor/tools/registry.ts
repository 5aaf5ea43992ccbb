import { bboxTool } from './bbox';
import type { Tool } from './framework/types';
import { holeTool } from './hole';
import { keypointTool } from './keypoint';
import { polygonTool } from './polygon';
import { polylineTool } from './polyline';
import { selectTool } from './select';

/** Every tool, in toolbar order. Adding a tool: a folder of states plus one line here (CONTEXT.md). */
export const TOOLS: readonly Tool[] = [selectTool, bboxTool, polygonTool, polylineTool, holeTool, keypointTool];

export function toolById(id: string): Tool | undefined {
  return TOOLS.find((tool) => tool.id === id);
}
