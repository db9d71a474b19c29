import type { AssetRow } from './asset';
import type { AssetEventRow } from './asset-event';
import type { IncidentEventRow } from './incident-event';
import type { LossReportRow } from './loss-report';
import type { AupAcknowledgementRow, PersonRow } from './person';
import type { PhoneSuspensionRow } from './phone-suspension';
import type { SecurityIncidentRow } from './security-incident';
import type {
  CountryPolicyRuleRow,
  CountryPolicyVersionRow,
  TravelNoticeRow,
  TripDeviceRow,
  TripEventRow,
  TripLegRow,
  TripRow,
} from './travel/travel-rows';

/** Row type of each synced table, keyed by table name. */
export interface Rows {
  people: PersonRow;
  assets: AssetRow;
  asset_events: AssetEventRow;
  aup_acknowledgements: AupAcknowledgementRow;
  security_incidents: SecurityIncidentRow;
  loss_reports: LossReportRow;
  phone_suspensions: PhoneSuspensionRow;
  incident_events: IncidentEventRow;
  country_policy_versions: CountryPolicyVersionRow;
  country_policy_rules: CountryPolicyRuleRow;
  trips: TripRow;
  trip_legs: TripLegRow;
  trip_devices: TripDeviceRow;
  trip_events: TripEventRow;
  travel_notices: TravelNoticeRow;
}

export type TableName = keyof Rows;

/**
 * Column names of each table, in domain (camelCase) → SQL (snake_case) form. Both stores build their SQL from this
 * map, so identifiers in generated SQL only ever come from here, never from input.
 */
export const TABLE_COLUMNS = {
  people: {
    id: 'id',
    staffNumber: 'staff_number',
    name: 'name',
    email: 'email',
    lineManagerId: 'line_manager_id',
    roles: 'roles',
    status: 'status',
    trainingCompletedOn: 'training_completed_on',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  assets: {
    id: 'id',
    assetTag: 'asset_tag',
    serialNumber: 'serial_number',
    type: 'type',
    model: 'model',
    imei: 'imei',
    phoneNumber: 'phone_number',
    purchaseDate: 'purchase_date',
    purchaseValuePence: 'purchase_value_pence',
    location: 'location',
    notes: 'notes',
    status: 'status',
    holderId: 'holder_id',
    statusChangedAt: 'status_changed_at',
    statusChangedBy: 'status_changed_by',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  asset_events: {
    id: 'id',
    assetId: 'asset_id',
    event: 'event',
    fromStatus: 'from_status',
    toStatus: 'to_status',
    personId: 'person_id',
    note: 'note',
    actorId: 'actor_id',
    clientId: 'client_id',
    at: 'at',
  },
  aup_acknowledgements: {
    id: 'id',
    personId: 'person_id',
    policyVersion: 'policy_version',
    acknowledgedAt: 'acknowledged_at',
    assetId: 'asset_id',
    recordedBy: 'recorded_by',
  },
  security_incidents: {
    id: 'id',
    reference: 'reference',
    assetId: 'asset_id',
    assetTag: 'asset_tag',
    assetType: 'asset_type',
    openAssetId: 'open_asset_id',
    personId: 'person_id',
    lineManagerId: 'line_manager_id',
    kind: 'kind',
    occurredOn: 'occurred_on',
    status: 'status',
    openedAt: 'opened_at',
    openedBy: 'opened_by',
    outcome: 'outcome',
    recoveredOn: 'recovered_on',
    recoveredTo: 'recovered_to',
    replacementAssetId: 'replacement_asset_id',
    writeOffValuePence: 'write_off_value_pence',
    writeOffReason: 'write_off_reason',
    costRecovery: 'cost_recovery',
    closeNote: 'close_note',
    closedAt: 'closed_at',
    closedBy: 'closed_by',
    updatedAt: 'updated_at',
  },
  loss_reports: {
    id: 'id',
    incidentId: 'incident_id',
    assetId: 'asset_id',
    personId: 'person_id',
    kind: 'kind',
    occurredOn: 'occurred_on',
    location: 'location',
    circumstances: 'circumstances',
    policeReference: 'police_reference',
    policeNotReportedReason: 'police_not_reported_reason',
    deviceUnlocked: 'device_unlocked',
    reportedBy: 'reported_by',
    clientId: 'client_id',
    reportedAt: 'reported_at',
  },
  phone_suspensions: {
    id: 'id',
    incidentId: 'incident_id',
    assetId: 'asset_id',
    personId: 'person_id',
    status: 'status',
    requestedAt: 'requested_at',
    requestedBy: 'requested_by',
    carrierReference: 'carrier_reference',
    suspendedAt: 'suspended_at',
    suspendedBy: 'suspended_by',
    wipeRequestedAt: 'wipe_requested_at',
    wipeRequestedBy: 'wipe_requested_by',
    wipeConfirmedAt: 'wipe_confirmed_at',
    wipeConfirmedBy: 'wipe_confirmed_by',
    reinstatedAt: 'reinstated_at',
    reinstatedBy: 'reinstated_by',
    statusChangedAt: 'status_changed_at',
    statusChangedBy: 'status_changed_by',
  },
  incident_events: {
    id: 'id',
    incidentId: 'incident_id',
    personId: 'person_id',
    event: 'event',
    note: 'note',
    actorId: 'actor_id',
    clientId: 'client_id',
    at: 'at',
  },
  country_policy_versions: {
    id: 'id',
    policyVersion: 'policy_version',
    effectiveAt: 'effective_at',
    setBy: 'set_by',
    setByName: 'set_by_name',
    reason: 'reason',
  },
  country_policy_rules: {
    id: 'id',
    policyVersion: 'policy_version',
    country: 'country',
    tier: 'tier',
    notify: 'notify',
    setBy: 'set_by',
  },
  trips: {
    id: 'id',
    travellerId: 'traveller_id',
    travellerName: 'traveller_name',
    lineManagerId: 'line_manager_id',
    type: 'type',
    justification: 'justification',
    round: 'round',
    startsOn: 'starts_on',
    endsOn: 'ends_on',
    policyVersion: 'policy_version',
    needsSecurity: 'needs_security',
    status: 'status',
    statusSetBy: 'status_set_by',
    statusSetByName: 'status_set_by_name',
    statusSetAt: 'status_set_at',
    managerApprovedBy: 'manager_approved_by',
    managerApprovedByName: 'manager_approved_by_name',
    managerApprovedAt: 'manager_approved_at',
    managerApprovalReason: 'manager_approval_reason',
    securityApprovedBy: 'security_approved_by',
    securityApprovedByName: 'security_approved_by_name',
    securityApprovedAt: 'security_approved_at',
    securityApprovalReason: 'security_approval_reason',
    stoppedBy: 'stopped_by',
    stoppedByName: 'stopped_by_name',
    stoppedAt: 'stopped_at',
    stopReason: 'stop_reason',
    departedOn: 'departed_on',
    updatedAt: 'updated_at',
  },
  trip_legs: {
    id: 'id',
    tripId: 'trip_id',
    travellerId: 'traveller_id',
    round: 'round',
    position: 'position',
    country: 'country',
    fromOn: 'from_on',
    toOn: 'to_on',
    notify: 'notify',
    checkOnReturn: 'check_on_return',
  },
  trip_devices: {
    id: 'id',
    tripId: 'trip_id',
    travellerId: 'traveller_id',
    round: 'round',
    position: 'position',
    assetId: 'asset_id',
    assetTag: 'asset_tag',
    refusedReason: 'refused_reason',
    returnedOn: 'returned_on',
    returnConfirmedBy: 'return_confirmed_by',
    returnConfirmedAt: 'return_confirmed_at',
    needsCheck: 'needs_check',
  },
  trip_events: {
    id: 'id',
    tripId: 'trip_id',
    travellerId: 'traveller_id',
    event: 'event',
    note: 'note',
    actorId: 'actor_id',
    clientId: 'client_id',
    at: 'at',
  },
  travel_notices: {
    id: 'id',
    tripId: 'trip_id',
    travellerId: 'traveller_id',
    tripType: 'trip_type',
    countries: 'countries',
    fromOn: 'from_on',
    toOn: 'to_on',
    policyVersion: 'policy_version',
    createdAt: 'created_at',
  },
} as const satisfies { [T in TableName]: { [K in keyof Rows[T]]-?: string } };

/** Fields stored as JSON text (SQLite has no array type); the stores encode and decode them. */
export const JSON_FIELDS: { readonly [T in TableName]?: readonly (keyof Rows[T])[] } = {
  people: ['roles'],
};
