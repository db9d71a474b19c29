import type { ReactNode } from 'react';

export interface TimelineItem {
  readonly id: string;
  readonly title: string;
  /** Who did it, e.g. "by Jo Bloggs". */
  readonly byline: string;
  /** ISO timestamp. */
  readonly at: string;
  readonly atText: string;
  readonly description?: ReactNode;
}

/** MOJ timeline: the history of a record, newest first; each event with who, when and any note. */
export function Timeline({ items, headingLevel = 3 }: { readonly items: readonly TimelineItem[]; readonly headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="moj-timeline">
      {items.map((item) => (
        <div key={item.id} className="moj-timeline__item">
          <div className="moj-timeline__header">
            <Heading className="moj-timeline__title">{item.title}</Heading> <p className="moj-timeline__byline">{item.byline}</p>
          </div>
          <p className="moj-timeline__date">
            <time dateTime={item.at}>{item.atText}</time>
          </p>
          {item.description === undefined ? null : <div className="moj-timeline__description">{item.description}</div>}
        </div>
      ))}
    </div>
  );
}
