/** A dashboard login link in a text (a chat message, a printed line). */
export const LOGIN_LINK = /https?:\/\/[\w.:[\]-]+\/login\/[A-Za-z0-9_-]{43}/;

/**
 * Opens a login link as the browser's button does (POST /login with its token), without a
 * browser: the adapter tests check the link a platform delivered really logs its admin in.
 */
export async function logIn(link: string): Promise<{ status: number; cookie?: string; location?: string; text: string }> {
  const url = new URL(link);
  const token = url.pathname.split('/').at(-1)!;
  const response = await fetch(`${url.origin}/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  const location = response.headers.get('location') ?? undefined;
  return { status: response.status, ...(cookie ? { cookie } : {}), ...(location ? { location } : {}), text: await response.text() };
}

/** A page of the dashboard with a session cookie. */
export async function getPage(base: string, path: string, cookie: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, text: await response.text() };
}
