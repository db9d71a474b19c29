import type { AssetType } from '../domain/asset';

/** One make and model a department buys, with what its labels and paperwork look like. */
export interface CatalogueModel {
  readonly model: string;
  /** Typical purchase price in pounds; each unit varies a little around it. */
  readonly pounds: number;
  /**
   * The maker's serial number format, for faker.helpers.replaceSymbols: # a digit, ? a letter, * either.
   * Dell service tags, Lenovo's "PF…", HP's "5CG…" and so on, so a serial looks like the label on the box.
   */
  readonly serial: string;
  /** Phones only: the 8-digit type allocation code that starts every IMEI of this model (35 = BABT, UK). */
  readonly tac?: string;
}

export interface CatalogueType {
  /** Asset tags are the prefix, a hyphen and six digits: LT-004211. */
  readonly tagPrefix: string;
  /** Share of the register: laptops and smartcards everywhere, the odd "other". */
  readonly share: number;
  readonly models: readonly CatalogueModel[];
}

export const CATALOGUE: Readonly<Record<AssetType, CatalogueType>> = {
  laptop: {
    tagPrefix: 'LT',
    share: 26,
    models: [
      { model: 'Dell Latitude 5440', pounds: 949, serial: '*******' },
      { model: 'Dell Latitude 7440', pounds: 1249, serial: '*******' },
      { model: 'Lenovo ThinkPad T14 Gen 4', pounds: 1099, serial: 'PF******' },
      { model: 'Lenovo ThinkPad X1 Carbon Gen 11', pounds: 1599, serial: 'PF******' },
      { model: 'HP EliteBook 840 G10', pounds: 1149, serial: '5CG#######' },
      { model: 'Microsoft Surface Laptop 5', pounds: 1199, serial: '############' },
      { model: 'Apple MacBook Pro 14-inch (M3)', pounds: 1699, serial: '??????????' },
    ],
  },
  desktop: {
    tagPrefix: 'DT',
    share: 5,
    models: [
      { model: 'Dell OptiPlex 7010 Micro', pounds: 699, serial: '*******' },
      { model: 'HP EliteDesk 800 G9 Mini', pounds: 749, serial: '8CC#######' },
      { model: 'Lenovo ThinkCentre M90q Gen 4', pounds: 779, serial: 'MJ******' },
    ],
  },
  tablet: {
    tagPrefix: 'TB',
    share: 5,
    models: [
      { model: 'Apple iPad (10th generation)', pounds: 449, serial: '??????????' },
      { model: 'Microsoft Surface Pro 9', pounds: 1099, serial: '############' },
      { model: 'Samsung Galaxy Tab S9', pounds: 799, serial: 'R52*******?' },
    ],
  },
  smartphone: {
    tagPrefix: 'PH',
    share: 15,
    models: [
      { model: 'Apple iPhone 15', pounds: 699, serial: '??????????', tac: '35366829' },
      { model: 'Apple iPhone SE (3rd generation)', pounds: 429, serial: '??????????', tac: '35609436' },
      { model: 'Samsung Galaxy A54 5G', pounds: 349, serial: 'R58*******?', tac: '35083562' },
      { model: 'Samsung Galaxy S23', pounds: 749, serial: 'R5C*******?', tac: '35025881' },
      { model: 'Google Pixel 8', pounds: 599, serial: '##?#####?####', tac: '35858724' },
    ],
  },
  basic_mobile_phone: {
    tagPrefix: 'MP',
    share: 4,
    models: [
      { model: 'Nokia 110 4G', pounds: 35, serial: 'NK########', tac: '35371510' },
      { model: 'Nokia 225 4G', pounds: 55, serial: 'NK########', tac: '35442911' },
      { model: 'Doro 6880', pounds: 79, serial: 'DR#########', tac: '35287613' },
    ],
  },
  smartcard: {
    tagPrefix: 'SC',
    share: 17,
    models: [
      { model: 'Thales IDPrime 940 smartcard', pounds: 18, serial: '################' },
      { model: 'Gemalto IDPrime MD 3811 smartcard', pounds: 15, serial: '################' },
    ],
  },
  network_token: {
    tagPrefix: 'NT',
    share: 8,
    models: [
      { model: 'RSA SecurID SID700 token', pounds: 45, serial: '#########' },
      { model: 'Yubico YubiKey 5C NFC', pounds: 55, serial: '########' },
      { model: 'Huawei E3372 4G USB dongle', pounds: 39, serial: 'G4P#######' },
      { model: 'Netgear Nighthawk M6 mobile hotspot', pounds: 499, serial: '6LN######??' },
    ],
  },
  encrypted_usb: {
    tagPrefix: 'US',
    share: 6,
    models: [
      { model: 'Kingston IronKey D500S 16GB', pounds: 89, serial: 'KD*******' },
      { model: 'Apricorn Aegis Secure Key 3NX 32GB', pounds: 129, serial: '###########' },
      { model: 'iStorage datAshur PRO2 64GB', pounds: 149, serial: 'DAP2######' },
    ],
  },
  headset: {
    tagPrefix: 'HS',
    share: 7,
    models: [
      { model: 'Jabra Evolve2 65', pounds: 189, serial: '############' },
      { model: 'Poly Voyager Focus 2', pounds: 219, serial: '###**********' },
      { model: 'EPOS ADAPT 360', pounds: 199, serial: 'EP##########' },
    ],
  },
  monitor: {
    tagPrefix: 'MN',
    share: 6,
    models: [
      { model: 'Dell P2423D 24-inch monitor', pounds: 229, serial: 'CN0*****' },
      { model: 'HP E24 G5 24-inch monitor', pounds: 189, serial: 'CNK#####??' },
      { model: 'iiyama ProLite XUB2492HSU', pounds: 139, serial: '1#########' },
    ],
  },
  other: {
    tagPrefix: 'OT',
    share: 1,
    models: [
      { model: 'Dell WD19S docking station', pounds: 199, serial: '*******' },
      { model: 'Logitech MX Keys keyboard', pounds: 99, serial: '####??#####' },
      { model: 'Kensington SD5700T docking station', pounds: 259, serial: 'K#########' },
    ],
  },
};

/**
 * Where people work and kit is kept: Home Office-style estate names, one per site, so the register can be
 * filtered by location and every location has a realistic number of assets.
 */
export const LOCATIONS = [
  'London, 2 Marsham Street',
  'London, 102 Petty France',
  'Croydon, Lunar House',
  'Sheffield, Vulcan House',
  'Leeds, Quarry House',
  'Manchester, 3 Piccadilly Place',
  'Birmingham, 10 Victoria Square',
  'Bristol, Temple Quay House',
  'Newcastle, Benton Park View',
  'Glasgow, Atlantic Quay',
  'Cardiff, Ty William Morgan',
  'Belfast, Erskine House',
  'Darlington, Feethams House',
  'Liverpool, Capital Building',
] as const;
