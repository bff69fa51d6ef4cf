import { describe, expect, test } from 'vitest'
import { candidateDomains, isFreeMailDomain, longestDomainMatches, normalizeDomain, parseEmail } from './email-domain.ts'

describe('parseEmail', () => {
  test('lower-cases and strips a trailing dot from the domain', () => {
    expect(parseEmail('  Anna.Svensson@Malmo.SE. ')).toEqual({
      email: 'anna.svensson@malmo.se',
      local: 'anna.svensson',
      domain: 'malmo.se',
    })
  })

  test('turns an internationalised domain into punycode', () => {
    expect(parseEmail('kim@malmö.se')?.domain).toBe('xn--malm-8qa.se')
  })

  test.each([
    '',
    'anna',
    'anna@',
    '@malmo.se',
    'anna@malmo',
    'anna@@malmo.se',
    'anna svensson@malmo.se',
    'anna..svensson@malmo.se',
    '.anna@malmo.se',
    'anna@-malmo.se',
    'anna@malmo..se',
    'anna@malmo.s',
    '<script>@malmo.se',
    `${'a'.repeat(65)}@malmo.se`,
    `anna@${'a'.repeat(250)}.se`,
  ])('refuses the malformed address %j', (input) => {
    expect(parseEmail(input)).toBeNull()
  })
})

describe('registry matching', () => {
  test('a subdomain yields itself and each parent domain, longest first', () => {
    expect(candidateDomains('it.kommun.falkenberg.se')).toEqual(['it.kommun.falkenberg.se', 'kommun.falkenberg.se', 'falkenberg.se'])
  })

  test('the longest matching registry domain wins', () => {
    const rows = [
      { domain: 'uu.se', name: 'Uppsala universitet' },
      { domain: 'ifau.uu.se', name: 'IFAU' },
    ]
    expect(longestDomainMatches(rows)).toEqual([{ domain: 'ifau.uu.se', name: 'IFAU' }])
  })

  test('organisations sharing a domain are all kept for the user to choose', () => {
    const rows = [
      { domain: 'gotland.se', name: 'Gotlands kommun' },
      { domain: 'gotland.se', name: 'Region Gotland' },
    ]
    expect(longestDomainMatches(rows)).toHaveLength(2)
  })

  test('no rows means no match', () => {
    expect(longestDomainMatches([])).toEqual([])
  })
})

describe('free-mail refusal', () => {
  test.each(['gmail.com', 'hotmail.se', 'outlook.com', 'eu.proton.me'])('%s is free-mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true)
  })

  test.each(['malmo.se', 'lansstyrelsen.se', 'gmail.com.malmo.se'])('%s is not free-mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false)
  })
})

describe('normalizeDomain', () => {
  test('accepts registry-style domains', () => {
    expect(normalizeDomain('Upplands-Bro.se')).toBe('upplands-bro.se')
  })
  test('refuses a bare top-level domain or an IP address', () => {
    expect(normalizeDomain('se')).toBeNull()
    expect(normalizeDomain('127.0.0.1')).toBeNull()
  })
})
