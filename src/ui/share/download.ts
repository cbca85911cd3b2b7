/** How long a download's object URL lives once clicked, wall ms: the browser has taken it by then. */
const OBJECT_URL_LIFE_WALL_MS = 10_000;

/** Hands `blob` to the browser as a download named `name`. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFE_WALL_MS);
}
