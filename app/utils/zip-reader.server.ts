import { Inflate } from 'fflate'

/**
 * Reads chosen entries of a zip archive (DOCX, ODT) from bytes in memory, bounded against
 * zip bombs twice over: an entry whose declared size is over the limit is refused before a
 * byte is inflated, and inflation stops as soon as the real output passes the limit (the
 * declared size may lie). Entries are located through the central directory; ZIP64,
 * encrypted entries and compression methods other than stored and deflate are refused.
 * Every refusal throws a ZipError.
 */
export type ZipLimits = {
  /** Inflated bytes per entry. */
  maxEntryBytes: number
  /** Inflated bytes over all entries read. */
  maxTotalBytes: number
}

export class ZipError extends Error {}

type Entry = { name: string; method: number; flags: number; compressedSize: number; size: number; localHeaderOffset: number }

const CENTRAL_HEADER = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const EOCD_SIZE = 22
const MAX_ENTRIES = 5000
/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1032×, so one step yields at most ~4 MB. */
const INFLATE_STEP = 4096

/** The entries whose names `wanted` accepts, in the archive's order, inflated. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits): Map<string, Uint8Array> {
  const entries = centralDirectory(bytes).filter((entry) => wanted(entry.name))
  const result = new Map<string, Uint8Array>()
  let total = 0
  for (const entry of entries) {
    const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total)
    if (entry.size > room) throw new ZipError(`${entry.name} is larger than the limit (declared ${entry.size} bytes)`)
    const content = entryContent(bytes, entry, room)
    total += content.length
    result.set(entry.name, content)
  }
  return result
}

function centralDirectory(bytes: Uint8Array): Entry[] {
  let eocd = -1
  for (let index = bytes.length - EOCD_SIZE; index >= Math.max(0, bytes.length - EOCD_SIZE - 0xffff); index--) {
    if (u32(bytes, index) === END_OF_CENTRAL_DIRECTORY) {
      eocd = index
      break
    }
  }
  if (eocd < 0) throw new ZipError('Not a zip archive')
  const count = u16(bytes, eocd + 10)
  const directoryOffset = u32(bytes, eocd + 16)
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not read')
  if (count > MAX_ENTRIES) throw new ZipError('Too many entries')

  const entries: Entry[] = []
  let offset = directoryOffset
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== CENTRAL_HEADER) throw new ZipError('Malformed central directory')
    const nameLength = u16(bytes, offset + 28)
    const end = offset + 46 + nameLength
    if (end > bytes.length) throw new ZipError('Malformed central directory')
    entries.push({
      flags: u16(bytes, offset + 8),
      method: u16(bytes, offset + 10),
      compressedSize: u32(bytes, offset + 20),
      size: u32(bytes, offset + 24),
      localHeaderOffset: u32(bytes, offset + 42),
      name: new TextDecoder('utf-8').decode(bytes.subarray(offset + 46, end)),
    })
    offset = end + u16(bytes, offset + 30) + u16(bytes, offset + 32)
  }
  return entries
}

function entryContent(bytes: Uint8Array, entry: Entry, maxBytes: number): Uint8Array {
  if (entry.flags & 1) throw new ZipError(`${entry.name} is encrypted`)
  const header = entry.localHeaderOffset
  if (header + 30 > bytes.length || u32(bytes, header) !== LOCAL_HEADER) throw new ZipError(`Malformed local header for ${entry.name}`)
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28)
  if (start + entry.compressedSize > bytes.length) throw new ZipError(`${entry.name} runs past the end of the archive`)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipError(`${entry.name} is larger than the limit`)
    return data
  }
  if (entry.method === 8) return inflateBounded(data, maxBytes, entry.name)
  throw new ZipError(`${entry.name} uses compression method ${entry.method}`)
}

function inflateBounded(data: Uint8Array, maxBytes: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  const inflater = new Inflate((chunk) => {
    total += chunk.length
    if (total > maxBytes) throw new ZipError(`${name} inflates past the limit`)
    chunks.push(chunk)
  })
  for (let offset = 0; offset < data.length; offset += INFLATE_STEP) {
    inflater.push(data.subarray(offset, offset + INFLATE_STEP), offset + INFLATE_STEP >= data.length)
  }
  return Buffer.concat(chunks)
}

function u16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8)
}

function u32(bytes: Uint8Array, offset: number): number {
  return (u16(bytes, offset) | (u16(bytes, offset + 2) << 16)) >>> 0
}
