export type { CancelWait, Clock } from "./clock.js";
export { systemClock } from "./system.js";
