/** Now as a Bot API date: Telegram's dates are whole Unix seconds, not milliseconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
