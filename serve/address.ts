/** Where `bdt serve` listens unless told otherwise, and where `bdt capture` looks for it: this machine only. */
export const DEFAULT_PORT = 8765;
export const DEFAULT_HOST = "127.0.0.1";
