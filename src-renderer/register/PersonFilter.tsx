import { useState } from 'react';
import type { PersonSummary } from '../../src-shared/api/person-queries';
import { Button, LiveStatus } from '../components/Govuk';
import { SearchInput } from '../components/SearchInput';
import { searchAnnouncement, usePersonSearch } from '../people/use-person-search';

const RESULT_LIMIT = 5;

interface PersonFilterProps {
  readonly id: string;
  readonly legend: string;
  readonly searchLabel: string;
  readonly value: PersonSummary | null;
  readonly onChange: (person: PersonSummary | null) => void;
}

/**
 * Choosing one person for a filter: search as you type, then small radios of the matches. The chosen person stays
 * listed first whatever is typed next, so the choice is always visible; "Clear" removes it.
 */
export function PersonFilter({ id, legend, searchLabel, value, onChange }: PersonFilterProps) {
  const [text, setText] = useState('');
  const search = usePersonSearch(text, RESULT_LIMIT);
  const found = search.status === 'ok' ? search.people : [];
  const choices = value === null ? found : [value, ...found.filter((person) => person.id !== value.id)];
  const searchId = `${id}-search`;

  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <SearchInput id={searchId} label={searchLabel} hint="Name, staff number or email address" value={text} onChange={setText} />
        <LiveStatus message={searchAnnouncement(search)} />
        {choices.length > 0 ? (
          <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
            {choices.map((person, index) => {
              const itemId = `${id}-${String(index + 1)}`;
              return (
                <div key={person.id} className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={itemId}
                    name={id}
                    type="radio"
                    value={person.id}
                    checked={value?.id === person.id}
                    onChange={() => {
                      onChange(person);
                    }}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
                    {person.name} ({person.staffNumber})
                  </label>
                </div>
              );
            })}
          </div>
        ) : search.status === 'ok' ? (
          <p className="govuk-body-s">No one matches “{search.query}”.</p>
        ) : null}
        {value === null ? null : (
          <Button
            variant="secondary"
            className="govuk-!-margin-top-2 govuk-!-margin-bottom-0"
            onClick={() => {
              onChange(null);
              document.getElementById(searchId)?.focus(); // the button goes away with the choice
            }}
          >
            Clear {legend.toLowerCase()}
          </Button>
        )}
      </fieldset>
    </div>
  );
}
