import type { Faker } from '@faker-js/faker';
import { emailLocalPart, type GeneratedName } from './names';

/** The Luhn check digit that makes `body` (14 digits) a valid IMEI: the same rule src-shared/domain/imei.ts checks. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    // Counted from the right of the full number (check digit at 0), odd positions are doubled.
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Ofcom keeps 07700 900000–900999 for drama and examples: no real phone can be reached on them. */
const DRAMA_MOBILE_NUMBERS = 1000;

export const DEPARTMENT_EMAIL_DOMAIN = 'example.gov.uk';

/**
 * Makes the identifiers of one department, each unique where the store requires it (tags, staff numbers, emails) or
 * where a real one would be (serials, IMEIs, phone numbers).
 */
export class IdentifierMaker {
  private readonly tagCounters = new Map<string, number>();
  private readonly used = new Set<string>();
  private readonly emailCounts = new Map<string, number>();
  private staffNumber: number;
  private mobiles = 0;

  constructor(private readonly faker: Faker) {
    this.staffNumber = faker.number.int({ min: 1_200_000, max: 1_900_000 });
  }

  /** The first value `make` returns that this department has not used yet (per kind). */
  private unique(kind: string, make: () => string): string {
    for (;;) {
      const value = make();
      const key = `${kind}:${value}`;
      if (!this.used.has(key)) {
        this.used.add(key);
        return value;
      }
    }
  }

  /** LT-004211: tags are printed in runs, so they rise per type with the odd gap (labels spoilt or never used). */
  assetTag(prefix: string): string {
    const next = (this.tagCounters.get(prefix) ?? this.faker.number.int({ min: 100, max: 900 })) + (this.faker.number.int(9) === 0 ? 2 : 1);
    this.tagCounters.set(prefix, next);
    return `${prefix}-${String(next).padStart(6, '0')}`;
  }

  serialNumber(pattern: string): string {
    return this.unique('serial', () => this.faker.helpers.replaceSymbols(pattern).toUpperCase());
  }

  imei(tac: string): string {
    const body = this.unique('imei', () => `${tac}${this.faker.string.numeric(6)}`);
    return `${body}${luhnCheckDigit(body)}`;
  }

  /** Written the way people type it ("07700 900123"); the schema normalises it. */
  mobileNumber(): string {
    this.mobiles += 1;
    if (this.mobiles <= DRAMA_MOBILE_NUMBERS) return this.unique('mobile', () => `07700 ${String(899_999 + this.mobiles)}`);
    // A department bigger than the drama range: ordinary-looking UK mobile numbers (the benchmark's scale only).
    return this.unique('mobile', () => `07${String(this.faker.number.int({ min: 400, max: 999 }))} ${this.faker.string.numeric(6)}`);
  }

  /** Seven-digit staff numbers, issued in sequence with gaps (people who joined and left before these records). */
  nextStaffNumber(): string {
    this.staffNumber += this.faker.number.int({ min: 1, max: 7 });
    return String(this.staffNumber);
  }

  /** jo.bloggs@example.gov.uk, then jo.bloggs2@… for the second Jo Bloggs, as gov.uk mail systems do. */
  email(name: GeneratedName): string {
    const local = emailLocalPart(name);
    const count = (this.emailCounts.get(local) ?? 0) + 1;
    this.emailCounts.set(local, count);
    return `${local}${count === 1 ? '' : String(count)}@${DEPARTMENT_EMAIL_DOMAIN}`;
  }
}
