import { ASSET_STATUSES, type AssetStatus } from '../../src-shared/domain/asset-lifecycle';

const COLOURS: Readonly<Record<AssetStatus, string>> = {
  in_stock: 'govuk-tag--green',
  issued: '',
  returned: 'govuk-tag--teal',
  lost: 'govuk-tag--red',
  stolen: 'govuk-tag--red',
  damaged: 'govuk-tag--orange',
  in_repair: 'govuk-tag--yellow',
  retired: 'govuk-tag--grey',
  disposed: 'govuk-tag--grey',
};

/** An asset's status as a GOV.UK tag: the words carry the meaning, the colour only helps. */
export function StatusTag({ status }: { readonly status: AssetStatus }) {
  return <strong className={`govuk-tag ${COLOURS[status]}`.trim()}>{ASSET_STATUSES[status]}</strong>;
}

/** A GOV.UK tag for any other state (AUP confirmed, training lapsed…). */
export function Tag({ colour, children }: { readonly colour?: 'green' | 'red' | 'grey' | 'orange' | 'yellow'; readonly children: string }) {
  return <strong className={colour === undefined ? 'govuk-tag' : `govuk-tag govuk-tag--${colour}`}>{children}</strong>;
}
