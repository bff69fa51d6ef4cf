import { Link } from '@remix-run/react'
import { useState } from 'react'
import type { Flash } from '#app/utils/flash.server.ts'

/**
 * The flash message the root loader read (app/utils/flash.server.ts), at the top of the main
 * content. With single fetch the root loader runs on every navigation, so the message lasts
 * until the next page. The live region is always rendered, empty without a message, so that a
 * screen reader announces a message arriving with a client-side navigation after a form; a page
 * loaded whole has it as the first thing in its main content. A new message is a new element,
 * so one in the same words as the last (saving twice) is announced again.
 */
export function FlashMessage({ flash }: { flash: Flash | null }) {
  const [shown, setShown] = useState({ flash, key: 0 })
  if (shown.flash !== flash) setShown({ flash, key: shown.key + 1 })
  return (
    <div role="status" className="flash">
      {flash ? (
        <p key={shown.key} className={flash.tone === 'success' ? 'notice notice-success' : 'notice'}>
          {flash.message}
          {flash.link ? (
            <>
              {' '}
              <Link to={flash.link.href}>{flash.link.label}</Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
