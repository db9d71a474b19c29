import type { AssetField, Layout, PersonField } from './layout';

/**
 * Snipe-IT's CSV exports, so a department can migrate off it. Header names come from Snipe-IT's own sources:
 *  - assets: the asset list's "Export" button (column titles: Asset Tag, Serial, Model, Category, Manufacturer, Status,
 *    Checked Out To, Location, Purchase Date, Purchase Cost, Notes, custom fields such as IMEI) and the Custom Asset
 *    Report (Reports > Custom Asset Report: Asset Tag, Model, Model No., Category, Manufacturer, Serial, Purchased,
 *    Cost, Location, Checked Out, Type, Username, Employee No., Status, Notes, custom fields);
 *  - users: People > Export (UsersController::getExportUserCsv: id, Company, Title, Employee Number, Name, Username,
 *    Email, Manager, Location, Department, …) and the user list's export (First Name, Last Name, …).
 * Snipe-IT's own importer's names (Serial number, Model name, Purchase cost, Full Name) are accepted too.
 * Columns Custodian has no use for (Company, Asset Name, Model No., Supplier, Order Number, Username, …) are listed
 * as ignored in the preview.
 */
export const SNIPEIT_ASSETS: Layout<AssetField> = {
  kind: 'assets',
  format: 'snipeit',
  title: 'a Snipe-IT asset export',
  columns: [
    { field: 'assetTag', names: ['Asset Tag'] },
    { field: 'serialNumber', names: ['Serial', 'Serial Number'] },
    { field: 'model', names: ['Model', 'Model Name', 'Asset Model'] },
    { field: 'type', names: ['Category'] },
    { field: 'manufacturer', names: ['Manufacturer'] },
    { field: 'imei', names: ['IMEI', 'IMEI Number', 'IMEI 1'] },
    { field: 'phoneNumber', names: ['Phone Number', 'Mobile Number', 'MSISDN'] },
    { field: 'purchaseDate', names: ['Purchase Date', 'Purchased'] },
    { field: 'purchaseValue', names: ['Purchase Cost', 'Cost'] },
    { field: 'location', names: ['Location'] },
    { field: 'notes', names: ['Notes'] },
    { field: 'holderName', names: ['Checked Out To', 'Checked Out', 'Assigned To', 'Full Name'] },
    { field: 'holderStaffNumber', names: ['Employee No.', 'Employee Number', 'Employee Num'] },
    { field: 'holderEmail', names: ['Email'] },
    /** The Custom Asset Report's "Type" beside "Checked Out": user, location or asset. */
    { field: 'holderKind', names: ['Type'] },
    { field: 'status', names: ['Status', 'Status Label'] },
  ],
  required: ['assetTag', 'serialNumber', 'model', 'type'],
};

export const SNIPEIT_PEOPLE: Layout<PersonField> = {
  kind: 'people',
  format: 'snipeit',
  title: 'a Snipe-IT user export',
  columns: [
    { field: 'staffNumber', names: ['Employee Number', 'Employee No.', 'Employee Num'] },
    { field: 'name', names: ['Name', 'Full Name'] },
    { field: 'firstName', names: ['First Name'] },
    { field: 'lastName', names: ['Last Name'] },
    { field: 'email', names: ['Email', 'Email Address'] },
    { field: 'lineManager', names: ['Manager'] },
  ],
  required: ['staffNumber', ['name', 'firstName'], 'email'],
};
