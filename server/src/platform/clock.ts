/** The one place the running system reads the clock; tests pass their own. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
