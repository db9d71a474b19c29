/**
 * What a person may do in Custodian. A person can hold several roles; everyone is at least staff.
 * Line managers see everyone below them in the hierarchy; the others see what their role needs (authorisation module).
 */
export const ROLES = {
  staff: 'Staff',
  line_manager: 'Line manager',
  it_service_desk: 'IT service desk',
  security: 'Security team',
  admin: 'Administrator',
} as const;

export type Role = keyof typeof ROLES;

export const ROLE_VALUES = Object.keys(ROLES) as [Role, ...Role[]];

/** Where a person is in their employment: leavers keep their records, and a person who has left holds nothing. */
export const PERSON_STATUSES = {
  active: 'Active',
  leaving: 'Leaving',
  left: 'Left',
} as const;

export type PersonStatus = keyof typeof PERSON_STATUSES;

export const PERSON_STATUS_VALUES = Object.keys(PERSON_STATUSES) as [PersonStatus, ...PersonStatus[]];
