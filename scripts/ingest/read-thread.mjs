// The reading thread's entry: TypeScript registered in this thread first (a worker does not
// inherit the loader the process was started with), then the thread itself.
import { register } from 'tsx/esm/api';

register();
await import('./read-thread.ts');
