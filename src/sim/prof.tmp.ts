import { createSimulator } from './index.ts';
const s = createSimulator(); console.log(s.counts());
