import { useRef, useState, type SubmitEvent } from 'react';
import { ASSET_TYPES } from '../../src-shared/domain/asset';
import { ASSET_STATUSES } from '../../src-shared/domain/asset-lifecycle';
import { Button } from '../components/Govuk';
import { PersonFilter } from './PersonFilter';
import { NO_FILTERS, hasFilters, type RegisterFilters } from './filters';

interface FilterPanelProps {
  readonly id: string;
  readonly applied: RegisterFilters;
  readonly onApply: (filters: RegisterFilters) => void;
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((entry) => entry !== item), item] : list.filter((entry) => entry !== item);
}

function CheckboxGroup<T extends string>({
  id,
  legend,
  labels,
  chosen,
  onChange,
}: {
  readonly id: string;
  readonly legend: string;
  readonly labels: Readonly<Record<T, string>>;
  readonly chosen: readonly T[];
  readonly onChange: (chosen: T[]) => void;
}) {
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {(Object.entries(labels) as [T, string][]).map(([value, label], index) => {
            const itemId = `${id}-${String(index + 1)}`;
            return (
              <div key={value} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  type="checkbox"
                  value={value}
                  checked={chosen.includes(value)}
                  onChange={(event) => {
                    onChange(toggle(chosen, value, event.target.checked));
                  }}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
                  {label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface Tag {
  readonly key: string;
  readonly label: string;
  readonly without: RegisterFilters;
}

function selectedTags(applied: RegisterFilters): { readonly category: string; readonly tags: Tag[] }[] {
  const categories = [
    { category: 'Type', tags: applied.types.map((type) => ({ key: type, label: ASSET_TYPES[type], without: { ...applied, types: applied.types.filter((t) => t !== type) } })) },
    {
      category: 'Status',
      tags: applied.statuses.map((status) => ({
        key: status,
        label: ASSET_STATUSES[status],
        without: { ...applied, statuses: applied.statuses.filter((s) => s !== status) },
      })),
    },
    { category: 'Holder', tags: applied.holder === null ? [] : [{ key: applied.holder.id, label: applied.holder.name, without: { ...applied, holder: null } }] },
    {
      category: 'Holder’s line manager',
      tags: applied.lineManager === null ? [] : [{ key: applied.lineManager.id, label: applied.lineManager.name, without: { ...applied, lineManager: null } }],
    },
    { category: 'Location', tags: applied.location.trim() === '' ? [] : [{ key: 'location', label: applied.location.trim(), without: { ...applied, location: '' } }] },
  ];
  return categories.filter((category) => category.tags.length > 0);
}

/**
 * The MOJ filter pattern, simplified: the filters now applied (each removable), then the options, applied together
 * with "Apply filters" so the list does not jump about while the person is still choosing.
 */
export function FilterPanel({ id, applied, onApply }: FilterPanelProps) {
  const [draft, setDraft] = useState<RegisterFilters>(applied);
  const selected = selectedTags(applied);
  const headingRef = useRef<HTMLHeadingElement>(null);

  /** Applies filters chosen by removing one (or all): the button pressed goes away, so focus goes to the panel. */
  function applyAndRefocus(filters: RegisterFilters) {
    setDraft(filters);
    onApply(filters);
    headingRef.current?.focus();
  }

  function apply(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <div className="moj-filter" id={id}>
      <div className="moj-filter__header">
        <div className="moj-filter__header-title">
          <h2 className="govuk-heading-m app-page-heading" tabIndex={-1} ref={headingRef}>
            Filter
          </h2>
        </div>
      </div>
      <div className="moj-filter__content">
        {hasFilters(applied) ? (
          <div className="moj-filter__selected">
            <div className="moj-filter__selected-heading">
              <div className="moj-filter__heading-title">
                <h3 className="govuk-heading-m">Selected filters</h3>
              </div>
              <div className="moj-filter__heading-action">
                <p>
                  <button
                    type="button"
                    className="app-link-button govuk-link govuk-link--no-visited-state"
                    onClick={() => {
                      applyAndRefocus(NO_FILTERS);
                    }}
                  >
                    Clear filters
                  </button>
                </p>
              </div>
            </div>
            {selected.map(({ category, tags }) => (
              <div key={category}>
                <h4 className="govuk-heading-s govuk-!-margin-bottom-0">{category}</h4>
                <ul className="moj-filter-tags">
                  {tags.map((tag) => (
                    <li key={tag.key}>
                      <button
                        type="button"
                        className="moj-filter__tag"
                        onClick={() => {
                          applyAndRefocus(tag.without);
                        }}
                      >
                        <span className="govuk-visually-hidden">Remove this filter</span> {tag.label}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ) : null}
        <div className="moj-filter__options">
          <form noValidate onSubmit={apply} aria-label="Filter the register">
            <CheckboxGroup
              id="filter-type"
              legend="Type"
              labels={ASSET_TYPES}
              chosen={draft.types}
              onChange={(types) => {
                setDraft({ ...draft, types });
              }}
            />
            <CheckboxGroup
              id="filter-status"
              legend="Status"
              labels={ASSET_STATUSES}
              chosen={draft.statuses}
              onChange={(statuses) => {
                setDraft({ ...draft, statuses });
              }}
            />
            <PersonFilter
              id="filter-holder"
              legend="Holder"
              searchLabel="Search for the holder"
              value={draft.holder}
              onChange={(holder) => {
                setDraft({ ...draft, holder });
              }}
            />
            <PersonFilter
              id="filter-line-manager"
              legend="Holder’s line manager"
              searchLabel="Search for the line manager"
              value={draft.lineManager}
              onChange={(lineManager) => {
                setDraft({ ...draft, lineManager });
              }}
            />
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="filter-location">
                Location
              </label>
              <div className="govuk-hint" id="filter-location-hint">
                As recorded on the asset, in full
              </div>
              <input
                className="govuk-input"
                id="filter-location"
                type="text"
                autoComplete="off"
                maxLength={120}
                aria-describedby="filter-location-hint"
                value={draft.location}
                onChange={(event) => {
                  setDraft({ ...draft, location: event.target.value });
                }}
              />
            </div>
            <div className="govuk-button-group">
              <Button type="submit">Apply filters</Button>
            </div>
          </form>
        </div>
      </div>
    </div>
  );
}
