/**
 * The window/tab icon, as a data URL (allowed by the CSP's img-src): without
 * one the browser build asks the server for /favicon.ico and logs a 404.
 */
const ICON_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='7' fill='%232563eb'/><path d='M10 23V9h7a4.5 4.5 0 0 1 0 9h-7m7 0 5 5' fill='none' stroke='white' stroke-width='3' stroke-linecap='round' stroke-linejoin='round'/></svg>";

export function installFavicon(): void {
  if (document.querySelector('link[rel="icon"]')) return;
  const link = document.createElement('link');
  link.rel = 'icon';
  link.href = `data:image/svg+xml,${ICON_SVG}`;
  document.head.append(link);
}
