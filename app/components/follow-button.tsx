import { Form, useLocation } from '@remix-run/react'
import type { FollowTargetType } from '#app/validation/follow.ts'
import { MutationFields } from './forms.tsx'

/**
 * Follow / sluta följa a tag, an organisation or a post: a plain form (works without
 * JavaScript) that posts to /folj and comes back to this page. `name` ("taggen e-arkiv")
 * completes the accessible name, which starts with the visible text ("Följ taggen e-arkiv").
 */
export function FollowButton({ targetType, target, following, name }: { targetType: FollowTargetType; target: string; following: boolean; name: string }) {
  const location = useLocation()
  return (
    <Form method="post" action="/folj" className="inline-form" preventScrollReset>
      <MutationFields />
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {following ? <span className="meta">Du följer {name}. </span> : null}
      <button
        type="submit"
        name="intent"
        value={following ? 'unfollow' : 'follow'}
        className="secondary"
        aria-label={`${following ? 'Sluta följa' : 'Följ'} ${name}`}
      >
        {following ? 'Sluta följa' : 'Följ'}
      </button>
    </Form>
  )
}
