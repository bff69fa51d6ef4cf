import type { LoaderFunctionArgs } from '@remix-run/node'
import { getMemberData } from '#app/models/member-data.server.ts'
import { requireMember } from '#app/utils/auth.server.ts'
import { stockholmDate } from '#app/utils/stockholm-date.ts'

/** The member's own data as a JSON download (see the page installningar.mina-uppgifter.tsx). */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const memberData = await getMemberData(member.id)
  return new Response(JSON.stringify(memberData, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="samverka-mina-uppgifter-${stockholmDate(new Date())}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
