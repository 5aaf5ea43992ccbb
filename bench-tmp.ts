import { benchServer } from '/work/main/tests/bench/server';
console.log(JSON.stringify(await benchServer(), null, 1));
