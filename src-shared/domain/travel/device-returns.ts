import { daysBetween, tripEnd } from './trip-dates';
import type { TripRecord } from './trip-record';
import type { TripDevice } from './trip';

/** Devices that left on a trip and are not yet confirmed back in the UK. */
export function devicesAbroad(trip: TripRecord): TripDevice[] {
  if (trip.status !== 'travelling') return [];
  return trip.route.devices.filter((device) => !trip.returns.some((item) => item.assetId === device.assetId));
}

export interface OverdueDevice extends TripDevice {
  /** The trip's last day: the device was due back by then. */
  readonly dueBack: string;
  readonly daysOverdue: number;
}

/**
 * A device still abroad after the last day of its trip is overdue (the managers' and security's lists flag it). The
 * last day itself is not overdue: the traveller may fly home that evening. Given today, so no clock is read here.
 */
export function overdueDevices(trip: TripRecord, today: string): OverdueDevice[] {
  const dueBack = tripEnd(trip.legs);
  if (today <= dueBack) return [];
  return devicesAbroad(trip).map((device) => ({ ...device, dueBack, daysOverdue: daysBetween(dueBack, today) }));
}
