import { Link, useLocation } from '@remix-run/react'
import { useState } from 'react'
import type { Flash } from '#app/utils/flash.server.ts'

/**
 * The flash message the root loader read (app/utils/flash.server.ts), at the top of the main
 * content. The live region is always rendered, empty without a message, so that a screen reader
 * announces a message that arrives with a client-side navigation after a form; a page loaded
 * whole has it as the first thing in its main content. The message belongs to the page it came
 * with: following a link elsewhere (the root loader does not run again for that) hides it for good.
 */
export function FlashMessage({ flash }: { flash: Flash | null }) {
  const { pathname } = useLocation()
  const [shown, setShown] = useState({ flash, on: pathname as string | null, key: 0 })
  let { on, key } = shown
  if (shown.flash !== flash) {
    // A new message from the root loader (also the same words again): shown here, announced anew.
    on = pathname
    key += 1
    setShown({ flash, on, key })
  } else if (on !== null && on !== pathname) {
    on = null
    setShown({ flash, on, key })
  }
  const visible = on === pathname ? flash : null
  return (
    <div role="status" className="flash">
      {visible ? (
        <p key={key} className={visible.tone === 'success' ? 'notice notice-success' : 'notice'}>
          {visible.message}
          {visible.link ? (
            <>
              {' '}
              <Link to={visible.link.href}>{visible.link.label}</Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
