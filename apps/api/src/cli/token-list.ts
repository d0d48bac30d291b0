/** `saddle token list`: the store's tokens as a table; the secret is never stored, so never shown. */
import type { TokenRecord } from '../store/records.js';

/** ISO time to the minute, UTC: enough to recognise a token, short enough for 80 columns. */
const when = (ms: number | null): string => (ms === null ? 'never' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`);

export function tokensText(tokens: readonly TokenRecord[]): string {
  if (tokens.length === 0) return 'no tokens (create one with `saddle token create --scope read|write`)\n';
  const header = ['id', 'name', 'scope', 'created', 'last used', 'revoked'];
  const rows = tokens.map((t) => [t.id, t.name || '-', t.scope, when(t.createdAt), when(t.lastUsedAt), t.revoked ? 'yes' : 'no']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
