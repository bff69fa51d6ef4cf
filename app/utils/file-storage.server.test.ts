import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createLocalDiskStorage, type FileStorage, generateStorageKey, isStorageKey, readStoredBytes } from './file-storage.server.ts'

let root: string
let storage: FileStorage

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-storage-'))
  storage = createLocalDiskStorage(root)
})

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true })
})

const listFiles = () =>
  (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((entry) => entry.isFile()).map((entry) => entry.name)

async function readAll(stream: Readable | null) {
  if (!stream) return null
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function* chunks(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part)
}

describe('local disk file storage', () => {
  test('keys are generated UUIDs; anything else is refused', async () => {
    const key = generateStorageKey()
    expect(isStorageKey(key)).toBe(true)
    expect(generateStorageKey()).not.toBe(key)
    for (const bad of ['../../etc/passwd', 'rapport.pdf', key.toUpperCase(), `${key}/x`, `../${key}`, '', `${key}\0`]) {
      expect(isStorageKey(bad)).toBe(false)
      await expect(storage.write(bad, chunks('x'))).rejects.toThrow('Invalid storage key')
      await expect(storage.read(bad)).rejects.toThrow('Invalid storage key')
      await expect(storage.remove(bad)).rejects.toThrow('Invalid storage key')
    }
    expect(listFiles()).toEqual([])
  })

  test('writes, reads (whole or a range), tells existence and removes, fanned out two levels', async () => {
    const key = generateStorageKey()
    await storage.write(key, chunks('Hej ', 'från ', 'Samverka'))
    expect(fs.existsSync(path.join(root, key.slice(0, 2), key.slice(2, 4), key))).toBe(true)
    expect(await storage.exists(key)).toBe(true)
    expect(await readAll(await storage.read(key))).toBe('Hej från Samverka')
    expect(Buffer.from(await readStoredBytes(storage, key, { offset: 4, length: 5 })).toString('utf8')).toBe('från')
    expect((await readStoredBytes(storage, key, { offset: 0, length: 0 })).length).toBe(0)

    const streamKey = generateStorageKey()
    await storage.write(streamKey, Readable.from([Buffer.from('ström')]))
    expect(await readAll(await storage.read(streamKey))).toBe('ström')

    await storage.remove(key)
    await storage.remove(key)
    expect(await storage.exists(key)).toBe(false)
    expect(await storage.read(key)).toBeNull()
    await storage.remove(streamKey)
    expect(listFiles()).toEqual([])
  })

  test('a failing source leaves neither the file nor its temporary file', async () => {
    const key = generateStorageKey()
    async function* failing() {
      yield Buffer.alloc(64 * 1024, 1)
      yield Buffer.alloc(64 * 1024, 2)
      throw new Error('the client went away')
    }
    await expect(storage.write(key, failing())).rejects.toThrow('the client went away')
    expect(await storage.exists(key)).toBe(false)
    expect(listFiles()).toEqual([])
  })
})
