import { expect, test } from 'vitest'
import { canChangePostOwnership, canChangePostSharing, canEditPost } from './content.ts'

const member = (id: string, organisationId: string | null = 'nacka') => ({ id, role: 'member' as const, status: 'active', organisationId })
const moderator = { id: 'moderator', role: 'moderator' as const, status: 'active' }
const project = { authorId: 'author', status: 'visible' as const, type: 'project', shareEditing: true, organisationId: 'nacka' }

test('a shared project: colleagues edit it, but only the author or a moderator decides on sharing', () => {
  expect(canEditPost(member('colleague'), project)).toBe(true)
  expect(canChangePostSharing(member('colleague'), project)).toBe(false)
  expect(canChangePostSharing(member('author'), project)).toBe(true)
  expect(canChangePostSharing(moderator, project)).toBe(true)
  expect(canChangePostSharing(member('author'), { ...project, status: 'hidden' })).toBe(false)
})

test('ownership: only a moderator corrects it, not on their own post and not on a deleted one', () => {
  expect(canChangePostOwnership(member('author'), project)).toBe(false)
  expect(canChangePostOwnership(member('colleague'), project)).toBe(false)
  expect(canChangePostOwnership(moderator, project)).toBe(true)
  expect(canChangePostOwnership(moderator, { ...project, status: 'hidden' })).toBe(true)
  expect(canChangePostOwnership(moderator, { ...project, status: 'deleted' })).toBe(false)
  expect(canChangePostOwnership(moderator, { ...project, authorId: 'moderator' })).toBe(false)
  expect(canChangePostOwnership({ ...moderator, status: 'suspended' }, project)).toBe(false)
})
