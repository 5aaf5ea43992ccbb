import type { Tool } from '../framework/types';
import { KeypointIdle } from './Idle';

export const keypointTool: Tool = {
  id: 'keypoint',
  label: 'Keypoint',
  creates: 'keypoint',
  idle: () => new KeypointIdle(),
};
