/**
 * Bank holidays in England and Wales, for counting working days before a leaver case escalates.
 *
 * Why England and Wales: it is the calendar most of the department's staff work to, and one calendar for every case keeps
 * escalation predictable and the same on every desktop. Scotland and Northern Ireland differ (2 January, St Andrew's
 * Day, St Patrick's Day, the Battle of the Boyne, no Easter Monday in Scotland, an earlier summer holiday there), so a
 * case there may escalate a working day early or late around those dates: a nudge to a manager's manager, not a
 * penalty. A per-nation calendar can key off a person's location later.
 *
 * Why a table rather than rules: the dates are set by proclamation, with substitute days and one-off holidays (a
 * coronation, a state funeral) no rule predicts. The table is GOV.UK's published list (www.gov.uk/bank-holidays), kept
 * for the years the product runs in; BANK_HOLIDAY_YEARS says which, and a test checks each year against the standing
 * rules (Easter, first and last Mondays, substitutes), so a typing slip shows. Add the next year when GOV.UK publishes it.
 * A date outside the table counts weekends only (bankHolidaysKnownFor says so, for a page that wants to warn).
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  // Boxing Day falls on a Saturday: substitute Monday 28 December.
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  // Christmas Day and Boxing Day fall at the weekend: substitutes Monday 27 and Tuesday 28 December.
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  // New Year's Day falls on a Saturday: substitute Monday 3 January.
  2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
};

export const BANK_HOLIDAY_YEARS = { first: 2024, last: 2028 } as const;

const HOLIDAYS = new Set(Object.values(ENGLAND_AND_WALES_BANK_HOLIDAYS).flat());

export function isBankHoliday(date: string): boolean {
  return HOLIDAYS.has(date);
}

/** Whether the table covers the year of `date`; outside it, only weekends are known not to be working days. */
export function bankHolidaysKnownFor(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= BANK_HOLIDAY_YEARS.first && year <= BANK_HOLIDAY_YEARS.last;
}
