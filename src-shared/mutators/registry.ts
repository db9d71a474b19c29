import { assetCreate } from './assets/create';
import { assetIssue } from './assets/issue';
import { assetReturn, assetReturnMany } from './assets/return';
import {
  assetCompleteRepair,
  assetDispose,
  assetMarkDamaged,
  assetMarkLost,
  assetMarkStolen,
  assetRestock,
  assetRetire,
  assetSendToRepair,
} from './assets/simple-commands';
import type { Mutator } from './define';
import { assetImport } from './imports/asset-import';
import { incidentClose } from './incidents/close-incident';
import { assetReportLoss } from './incidents/report-loss';
import { suspensionConfirmWipe, suspensionReinstate, suspensionRequestWipe, suspensionSuspend } from './incidents/suspension-steps';
import { personImport } from './imports/person-import';
import { personCreate } from './people/create';
import { personChangeLineManager } from './people/line-manager';
import { personAcknowledgeAup, personRecordTraining } from './people/training';
import { countryPolicyChange } from './travel/change-country-policy';
import { travelRequest } from './travel/request-trip';
import {
  travelApproveAsManager,
  travelApproveAsSecurity,
  travelCancel,
  travelConfirmDeviceReturned,
  travelRecordDeparture,
  travelRecordReturn,
  travelReject,
  travelResubmit,
  travelWithdraw,
} from './travel/trip-commands';

/** Every mutator, by name: the desktop runner and the server's push endpoint both dispatch through this table. */
export const mutators = {
  [assetCreate.name]: assetCreate,
  [assetIssue.name]: assetIssue,
  [assetReturn.name]: assetReturn,
  [assetReturnMany.name]: assetReturnMany,
  [assetRestock.name]: assetRestock,
  [assetMarkLost.name]: assetMarkLost,
  [assetMarkStolen.name]: assetMarkStolen,
  [assetMarkDamaged.name]: assetMarkDamaged,
  [assetSendToRepair.name]: assetSendToRepair,
  [assetCompleteRepair.name]: assetCompleteRepair,
  [assetRetire.name]: assetRetire,
  [assetDispose.name]: assetDispose,
  [assetImport.name]: assetImport,
  [assetReportLoss.name]: assetReportLoss,
  [suspensionSuspend.name]: suspensionSuspend,
  [suspensionRequestWipe.name]: suspensionRequestWipe,
  [suspensionConfirmWipe.name]: suspensionConfirmWipe,
  [suspensionReinstate.name]: suspensionReinstate,
  [incidentClose.name]: incidentClose,
  [personCreate.name]: personCreate,
  [personImport.name]: personImport,
  [personRecordTraining.name]: personRecordTraining,
  [personAcknowledgeAup.name]: personAcknowledgeAup,
  [personChangeLineManager.name]: personChangeLineManager,
  [travelRequest.name]: travelRequest,
  [travelResubmit.name]: travelResubmit,
  [travelApproveAsManager.name]: travelApproveAsManager,
  [travelApproveAsSecurity.name]: travelApproveAsSecurity,
  [travelReject.name]: travelReject,
  [travelWithdraw.name]: travelWithdraw,
  [travelCancel.name]: travelCancel,
  [travelRecordDeparture.name]: travelRecordDeparture,
  [travelConfirmDeviceReturned.name]: travelConfirmDeviceReturned,
  [travelRecordReturn.name]: travelRecordReturn,
  [countryPolicyChange.name]: countryPolicyChange,
} as const;

export type MutatorName = keyof typeof mutators;

export function findMutator(name: string): Mutator | undefined {
  return Object.hasOwn(mutators, name) ? mutators[name as MutatorName] : undefined;
}
