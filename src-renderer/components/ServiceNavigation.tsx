import { paths, type RouteName } from '../router';
import { SyncIndicator } from '../sync/SyncIndicator';

type Section = 'assets' | 'people' | 'incidents' | 'import' | 'sync';

const ITEMS: readonly { readonly section: Section; readonly label: string; readonly path: string }[] = [
  { section: 'assets', label: 'Assets', path: paths.assets() },
  { section: 'people', label: 'People', path: paths.people() },
  { section: 'incidents', label: 'Incidents', path: paths.incidents() },
  { section: 'import', label: 'Import', path: paths.import() },
  { section: 'sync', label: 'Sync', path: paths.sync() },
];

function sectionOf(route: RouteName): Section | null {
  if (route === 'import') return 'import';
  if (route === 'sync') return 'sync';
  if (route === 'people' || route.startsWith('person') || route.startsWith('people')) return 'people';
  if (route === 'notFound') return null;
  if (route === 'suspensions' || route.startsWith('incident')) return 'incidents';
  return 'assets';
}

/** GOV.UK service navigation: the service name, the top-level sections (the current one marked) and the sync state. */
export function ServiceNavigation({ route, wide = false }: { readonly route: RouteName; readonly wide?: boolean }) {
  const active = sectionOf(route);
  return (
    <section aria-label="Service information" className="govuk-service-navigation">
      <div className={wide ? 'govuk-width-container app-width-container--wide' : 'govuk-width-container'}>
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <a href={`#${paths.assets()}`} className="govuk-service-navigation__link">
              Custodian
            </a>
          </span>
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list">
              {ITEMS.map((item) => {
                const isActive = item.section === active;
                // "page" when this is exactly the section's page; "true" when on a page within the section.
                const current = isActive ? (route === item.section ? 'page' : 'true') : undefined;
                return (
                  <li
                    key={item.section}
                    className={`govuk-service-navigation__item${isActive ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <a className="govuk-service-navigation__link" href={`#${item.path}`} aria-current={current}>
                      {isActive ? (
                        <strong className="govuk-service-navigation__active-fallback">{item.label}</strong>
                      ) : (
                        item.label
                      )}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          <SyncIndicator />
        </div>
      </div>
    </section>
  );
}
