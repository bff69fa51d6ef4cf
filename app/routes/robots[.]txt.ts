/** A closed community: nothing here is for crawlers. */
export function loader() {
  return new Response('User-agent: *\nDisallow: /\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
