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

/** The loading message with the counts so far ("Loading images and servers… 3,000 images, 400 servers so far"). */
export function loadingMessage(p: { images?: number; servers?: number; deletedServers?: number }): string {
  const parts: string[] = [];
  if (p.images !== undefined) parts.push(`${formatCount(p.images)} images`);
  if (p.servers !== undefined) parts.push(`${formatCount(p.servers)} servers`);
  if (p.deletedServers !== undefined) parts.push(`${formatCount(p.deletedServers)} deleted servers`);
  return `Loading images and servers…${parts.length > 0 ? ` ${parts.join(', ')} so far` : ''}`;
}
