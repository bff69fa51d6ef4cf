/**
 * Why e-mail to the member stopped (repeated hard refusals of their address,
 * app/services/email-refusals.server.ts) and how to start it again: on both settings pages
 * that start it again (veckobrev, notiser).
 */
export function EmailStoppedNotice({ reason }: { reason: string | null }) {
  if (!reason) return null
  return (
    <div className="notice notice-error" role="alert">
      <p>Vi har slutat skicka veckobrev och notiser med e-post till dig: {reason}</p>
      <p>Kontrollera din e-postadress med din IT-avdelning. När du sparar inställningarna för veckobrevet eller notiserna försöker vi igen.</p>
    </div>
  )
}
