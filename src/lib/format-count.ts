/**
 * A count with thousands separators, as `n.toLocaleString('en')` writes it ("50,000"), without Intl: the
 * first toLocaleString of a page loads the locale data, which held the page for ~60 ms while the first
 * listing pages arrived.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}
