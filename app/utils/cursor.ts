/** Keyset-pagination cursors in URLs: opaque base64url JSON, validated when read. */
export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export function decodeCursor<K extends string>(input: string | null, keys: readonly K[]): Record<K, string> | undefined {
  if (!input || input.length > 500) return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(input, 'base64url').toString('utf8'))
    if (!parsed || typeof parsed !== 'object') return undefined
    const record = parsed as Record<string, unknown>
    // A NUL would reach PostgreSQL, which refuses it: such a cursor is no cursor.
    return keys.every((key) => typeof record[key] === 'string' && !record[key].includes('\u0000')) ? (record as Record<K, string>) : undefined
  } catch {
    return undefined
  }
}
