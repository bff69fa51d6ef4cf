import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { dataDir } from './env.server.ts'

/**
 * Where uploaded files' bytes live. The database row (FileObject) holds the metadata; the
 * store holds only bytes under a generated key, never anything derived from the user's file
 * name. Local disk under DATA_DIR/uploads today; an S3-compatible object store would
 * implement the same type later (PutObject from the stream, GetObject with a Range header,
 * DeleteObject, HeadObject) and `getFileStorage()` would pick it from the environment.
 */
export type ByteRange = { offset: number; length: number }

export type FileStorage = {
  /** Stores the bytes under the key, all or nothing: a failed write leaves nothing behind. */
  write(key: string, source: AsyncIterable<Uint8Array> | Readable): Promise<void>
  /** The stored bytes (or a range of them), or null when nothing is stored under the key. */
  read(key: string, range?: ByteRange): Promise<Readable | null>
  /** Deletes the bytes; removing a missing key is not an error. */
  remove(key: string): Promise<void>
  exists(key: string): Promise<boolean>
}

const STORAGE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A new random key (a UUID v4). Keys are only ever made here. */
export function generateStorageKey(): string {
  return randomUUID()
}

export function isStorageKey(key: string): boolean {
  return STORAGE_KEY.test(key)
}

function assertStorageKey(key: string) {
  if (!isStorageKey(key)) throw new Error('Invalid storage key')
}

/** Files on local disk, fanned out two levels (`ab/cd/abcd…`) so no directory grows huge. */
export function createLocalDiskStorage(root: string): FileStorage {
  const directoryOf = (key: string) => path.join(root, key.slice(0, 2), key.slice(2, 4))
  const pathOf = (key: string) => {
    assertStorageKey(key)
    return path.join(directoryOf(key), key)
  }

  return {
    async write(key, source) {
      const target = pathOf(key)
      await fs.mkdir(path.dirname(target), { recursive: true })
      // Same directory as the target, so the rename is atomic (same file system).
      const temporary = path.join(path.dirname(target), `.${key}.${randomUUID()}.tmp`)
      // `wx`: never follow or reuse an existing path; `flush`: fsync before the rename.
      const sink = createWriteStream(temporary, { flags: 'wx', mode: 0o600, flush: true })
      try {
        await pipeline(source instanceof Readable ? source : Readable.from(source), sink)
        await fs.rename(temporary, target)
      } catch (error) {
        // The file may still be opening when the source fails; remove it only once closed.
        if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()))
        await fs.rm(temporary, { force: true })
        throw error
      }
    },

    async read(key, range) {
      let handle: fs.FileHandle
      try {
        handle = await fs.open(pathOf(key), 'r')
      } catch (error) {
        if (isNotFound(error)) return null
        throw error
      }
      if (range && range.length <= 0) {
        await handle.close()
        return Readable.from([])
      }
      return handle.createReadStream(range ? { start: range.offset, end: range.offset + range.length - 1 } : {})
    },

    async remove(key) {
      await fs.rm(pathOf(key), { force: true })
    },

    async exists(key) {
      try {
        return (await fs.stat(pathOf(key))).isFile()
      } catch (error) {
        if (isNotFound(error)) return false
        throw error
      }
    },
  }
}

function isNotFound(error: unknown): boolean {
  return Boolean(error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT')
}

let configured: { root: string; storage: FileStorage } | undefined

/** The app's file store: local disk under DATA_DIR/uploads. */
export function getFileStorage(): FileStorage {
  const root = dataDir('uploads')
  if (configured?.root !== root) configured = { root, storage: createLocalDiskStorage(root) }
  return configured.storage
}

/** Reads a range into memory; for small reads only (file-type detection). */
export async function readStoredBytes(storage: FileStorage, key: string, range: ByteRange): Promise<Uint8Array> {
  const stream = await storage.read(key, range)
  if (!stream) throw new Error('Stored file is missing')
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(chunk as Uint8Array)
  return Buffer.concat(chunks)
}
