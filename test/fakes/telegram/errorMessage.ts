/** The message of anything thrown, for the descriptions the fake writes into its answers. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
