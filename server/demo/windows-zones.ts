// Outlook writes Windows zone names in TZID, not IANA names. Names follow the CLDR
// windowsZones mapping; a zone missing here keeps its IANA name, as Outlook does for zones
// it cannot map.
const WINDOWS_ZONE_NAMES: Readonly<Record<string, string>> = {
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Warsaw': 'Central European Standard Time',
  'Europe/Prague': 'Central Europe Standard Time',
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Lisbon': 'GMT Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Toronto': 'Eastern Standard Time',
  'America/Chicago': 'Central Standard Time',
  'America/Denver': 'Mountain Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'Asia/Tokyo': 'Tokyo Standard Time',
  'Asia/Singapore': 'Singapore Standard Time',
  'Asia/Kolkata': 'India Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
  'Australia/Melbourne': 'AUS Eastern Standard Time',
  'Pacific/Auckland': 'New Zealand Standard Time',
};

export function getWindowsZoneName(timeZone: string): string {
  return WINDOWS_ZONE_NAMES[timeZone] ?? timeZone;
}
