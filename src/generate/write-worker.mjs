// Worker entry: registers tsx's loader inside the worker thread, then runs the TypeScript worker.
import { register } from "tsx/esm/api";
register();
await import("./write-worker.ts");
