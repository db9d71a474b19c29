import { v5 as uuidv5 } from 'uuid';

/**
 * Security incident references, e.g. SEC-2026-7KQ3X-0042: made offline on any desktop, unique across all of them,
 * and the same when the server re-runs the report (DESIGN.md, "Mutators, written once"), so nobody's reference
 * changes after a sync. Four parts:
 *
 *   SEC       – what kind of reference it is;
 *   2026      – the year the loss happened (from the report's own date, an argument of the mutation);
 *   7KQ3X     – the installation: 25 bits of a hash of the desktop's client id, in Crockford base 32 (no I, L, O, U,
 *               so it reads aloud without ambiguity);
 *   0042      – the mutation's own gap-free number on that installation (at least four digits).
 *
 * The client id and mutation id name the mutation everywhere it runs (the server re-runs it with both), so every run
 * derives the same reference. Within one installation two references can never be equal (mutation ids are unique);
 * across installations two would need both the same 25-bit installation code and the same mutation number. Both
 * stores also keep the reference UNIQUE, and the mutator adds "-2", "-3"… in the astronomically rare case the
 * reference is already taken (deterministic: the server decides in push order). No block of numbers is reserved
 * from the server, so a desktop that has never reached it can still open an incident.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Fixed namespace for installation codes (UUIDv5 needs one; the value itself is arbitrary). */
const INSTALLATION_NAMESPACE = 'c1b7a0e4-2f3d-4e8a-9b6c-5d4e3f2a1b0c';

export const INSTALLATION_CODE_LENGTH = 5;

/** Five Crockford base-32 characters from a hash of the client id (hashed, so structured ids still spread out). */
export function installationCode(clientId: string): string {
  const hash = uuidv5(clientId.toLowerCase(), INSTALLATION_NAMESPACE).replace(/-/g, '');
  let bits = Number.parseInt(hash.slice(0, 8), 16);
  let code = '';
  for (let i = 0; i < INSTALLATION_CODE_LENGTH; i += 1) {
    code += CROCKFORD[bits & 31] ?? '0';
    bits >>>= 5;
  }
  return code;
}

/** Fixed namespace for incident ids derived from report ids. */
const INCIDENT_ID_NAMESPACE = '5a2e8f3c-7d41-4b96-a0e2-9c3f1d6b8e47';

/**
 * The id of the incident a report opens, derived from the report's own (client-made) id: the same on every store that
 * runs the report, and known to whoever made the report (the demo department, a test) without reading it back.
 */
export function incidentIdFor(reportId: string): string {
  return uuidv5(reportId.toLowerCase(), INCIDENT_ID_NAMESPACE);
}

export function incidentReference(year: string, clientId: string, mutationId: number): string {
  return `SEC-${year}-${installationCode(clientId)}-${String(mutationId).padStart(4, '0')}`;
}

/** What a reference looks like (with the rare clash suffix). */
export const INCIDENT_REFERENCE = /^SEC-\d{4}-[0-9A-HJKMNP-TV-Z]{5}-\d{4,}(?:-\d+)?$/;
