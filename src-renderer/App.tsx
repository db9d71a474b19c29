import { Fragment, type ReactNode } from 'react';
import { useQuery } from './api/use-query';
import { Layout } from './components/Layout';
import { AddAssetPage } from './pages/AddAssetPage';
import { AddPersonPage } from './pages/AddPersonPage';
import { AssetsPage } from './pages/AssetsPage';
import { PeoplePage } from './pages/PeoplePage';
import { useRoute, type RouteName } from './router';

const PAGES: Record<RouteName, () => ReactNode> = {
  assets: () => <AssetsPage />,
  'assets.new': () => <AddAssetPage />,
  people: () => <PeoplePage />,
  'people.new': () => <AddPersonPage />,
};

export function App() {
  const route = useRoute();
  const appInfo = useQuery('app.info', {});
  return (
    <Layout route={route.name} appInfo={appInfo.status === 'ok' ? appInfo.value : null}>
      {/* Keyed by navigation, so every visit starts the page afresh (a new form, a fresh list). */}
      <Fragment key={route.key}>{PAGES[route.name]()}</Fragment>
    </Layout>
  );
}
