export * from './define';
export * from './result';
export * from './schemas';
export * from './contract';
export * from './channels/app';
export * from './channels/connection';
export * from './channels/library';
export * from './channels/catalog';
