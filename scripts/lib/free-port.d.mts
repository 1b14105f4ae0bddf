/** A TCP port free on loopback right now (the OS picks it). */
export function freePort(): Promise<number>;
