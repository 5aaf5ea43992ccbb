export * from './common';
export * from './dataset';
export * from './image';
export * from './annotation';
export * from './annotationFastPath';
export * from './export';
export * from './apiKey';
export * from './errors';
