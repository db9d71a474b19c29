/**
 * A success value already written as JSON text, sent as `{ "ok": true, "value": <text> }` without being parsed and
 * serialised again. For large responses built from JSON the database made (a pull page of 5,000 rows): the text must
 * match the route's value schema, which the contract tests check on every response.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
