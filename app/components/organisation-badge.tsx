/** The "verified" mark next to an organisation's name. */
export function VerifiedBadge({ verified }: { verified: boolean }) {
  return verified ? <span className="badge badge-verified">Verifierad</span> : <span className="badge badge-warning">Ej verifierad</span>
}
