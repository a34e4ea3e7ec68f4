// Small DOM helpers. The page's policy allows no inline styles: elements are built here and styled through classes or CSSOM.

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

/** An element with a class, text and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

export function item(text: string, className?: string) {
  return el("li", className, text);
}

export function small(text: string) {
  return el("small", undefined, text);
}

const svgNs = "http://www.w3.org/2000/svg";

/** An SVG element with presentation attributes (attributes, not style: the policy refuses inline styles). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, String(v));
  for (const child of children) element.append(child);
  return element;
}

/** Today as yyyy-mm-dd in the user's time zone, for file names and captions. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
