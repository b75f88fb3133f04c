// Every IANA time zone the browser knows (the server checks the choice again), for the time-zone lists (the
// organisation's, an event's).
export const timeZones: readonly string[] = (() => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
})();
