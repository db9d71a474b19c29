import { describe, expect, it } from 'vitest';
import { assetFormSchema, ASSET_TYPES } from '../../src-shared/domain/asset';
import { personFormSchema } from '../../src-shared/domain/person';
import { fieldErrors } from '../../src-shared/validation';

const errorsOf = (schema: typeof assetFormSchema | typeof personFormSchema, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('asset form schema', () => {
  it('gives a GOV.UK-style message for every empty field', () => {
    expect(errorsOf(assetFormSchema, { assetTag: '  ', serialNumber: '', type: '', model: '' })).toEqual({
      assetTag: 'Enter the asset tag',
      serialNumber: 'Enter the serial number',
      type: 'Select the type of asset',
      model: 'Enter the make and model',
    });
  });

  it('trims and upper-cases identifiers so look-alike tags cannot coexist', () => {
    expect(assetFormSchema.parse({ assetTag: ' lt-0042 ', serialNumber: 'pf3/x.9', type: 'smartcard', model: ' Gemalto IDPrime ' })).toMatchObject({
      assetTag: 'LT-0042',
      serialNumber: 'PF3/X.9',
      type: 'smartcard',
      model: 'Gemalto IDPrime',
    });
  });

  it('refuses characters that do not belong in a tag, and over-long values', () => {
    const errors = errorsOf(assetFormSchema, { assetTag: 'LT 42;DROP', serialNumber: 'S'.repeat(65), type: 'laptop', model: 'M' });
    expect(errors.assetTag).toMatch(/only letters, numbers/);
    expect(errors.serialNumber).toBe('Serial number must be 64 characters or fewer');
  });

  it('knows every asset type the register needs', () => {
    expect(Object.keys(ASSET_TYPES)).toEqual(
      expect.arrayContaining(['laptop', 'smartphone', 'basic_mobile_phone', 'smartcard', 'network_token', 'encrypted_usb']),
    );
  });
});

describe('person form schema', () => {
  it('lower-cases email addresses and treats an unselected line manager as none', () => {
    expect(personFormSchema.parse({ staffNumber: 's100', name: ' Ada Lovelace ', email: ' Ada@Example.GOV.UK ', lineManagerId: '' })).toMatchObject({
      staffNumber: 'S100',
      name: 'Ada Lovelace',
      email: 'ada@example.gov.uk',
      lineManagerId: null,
    });
  });

  it('explains a malformed email address and a malformed manager id', () => {
    const errors = errorsOf(personFormSchema, { staffNumber: 'S1', name: 'A', email: 'ada-at-example', lineManagerId: 'not-an-id' });
    expect(errors.email).toBe('Enter an email address in the correct format, like name@example.gov.uk');
    expect(errors.lineManagerId).toBe('Choose a valid line manager');
  });
});
