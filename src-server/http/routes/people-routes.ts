import { getPerson, listPeople } from '../../directory/people-queries';
import { personIdParams, personListQuery, personSchema } from '../../directory/person-schema';
import { defineRoute } from '../route';
import { page } from '../schemas/common';
import { notVisible } from './not-visible';

export const listPeopleRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/people',
  operationId: 'listPeople',
  summary: 'People in the directory that you may see, paged',
  description:
    'Staff see themselves; line managers also everyone below them in the hierarchy; the IT service desk, security team and admins see everyone.',
  tag: 'people',
  auth: 'session',
  query: personListQuery,
  value: page(personSchema),
  errors: ['forbidden'],
  handle: async ({ deps, auth, query }) => {
    const { limit, after, ...filters } = query;
    return listPeople(deps.db, auth.actor, filters, { limit, after });
  },
});

export const getPersonRoute = defineRoute({
  method: 'GET',
  path: '/api/v1/people/{personId}',
  operationId: 'getPerson',
  summary: 'One person, if you may see them',
  tag: 'people',
  auth: 'session',
  params: personIdParams,
  value: personSchema,
  errors: ['forbidden', 'not_found'],
  async handle({ deps, auth, params, request }) {
    const person = await getPerson(deps.db, auth.actor, params.personId);
    if (!person) throw await notVisible(deps.db, request, auth.actor, 'people', params.personId, 'person');
    return person;
  },
});
