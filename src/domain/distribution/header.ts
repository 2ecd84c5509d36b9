// Text that ends up in an email header (subjects, display names). Any line break would let the
// text start a header of its own, so every control and line-separator character becomes a space;
// the mail library encodes what remains.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

export function headerText(value: string, max = 200): string {
  const flat = value.replace(BREAKS, " ").replace(/ {2,}/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
