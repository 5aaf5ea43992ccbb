import { benchServer } from './tests/bench/server';
console.table(await benchServer());
