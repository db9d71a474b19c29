import { Fragment, type ReactNode } from 'react';
import { useQuery } from './api/use-query';
import { Layout } from './components/Layout';
import { AddAssetPage } from './pages/AddAssetPage';
import { AddPersonPage } from './pages/AddPersonPage';
import { AssetActionPage } from './pages/AssetActionPage';
import { AssetPage } from './pages/AssetPage';
import { AssetsPage } from './pages/AssetsPage';
import { CloseIncidentPage } from './pages/CloseIncidentPage';
import { IncidentPage } from './pages/IncidentPage';
import { IncidentsPage } from './pages/IncidentsPage';
import { ImportPage } from './pages/ImportPage';
import { IssueChoosePersonPage } from './pages/IssueChoosePersonPage';
import { IssueConfirmPage } from './pages/IssueConfirmPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonAupPage } from './pages/PersonAupPage';
import { PersonPage } from './pages/PersonPage';
import { PersonTrainingPage } from './pages/PersonTrainingPage';
import { ReportLossPage } from './pages/ReportLossPage';
import { SuspensionQueuePage } from './pages/SuspensionQueuePage';
import { SuspensionStepPage } from './pages/SuspensionStepPage';
import { SyncPage } from './pages/SyncPage';
import { useRoute, type RouteName } from './router';
import { SyncStatusProvider } from './sync/sync-status-context';

const PAGES: Record<RouteName, () => ReactNode> = {
  assets: () => <AssetsPage />,
  'assets.new': () => <AddAssetPage />,
  asset: () => <AssetPage />,
  'asset.issue': () => <IssueChoosePersonPage />,
  'asset.issue.confirm': () => <IssueConfirmPage />,
  'asset.report': () => <ReportLossPage />,
  'asset.action': () => <AssetActionPage />,
  people: () => <PeoplePage />,
  'people.new': () => <AddPersonPage />,
  person: () => <PersonPage />,
  'person.training': () => <PersonTrainingPage />,
  'person.aup': () => <PersonAupPage />,
  incidents: () => <IncidentsPage />,
  incident: () => <IncidentPage />,
  'incident.close': () => <CloseIncidentPage />,
  'incident.suspension': () => <SuspensionStepPage />,
  suspensions: () => <SuspensionQueuePage />,
  import: () => <ImportPage />,
  sync: () => <SyncPage />,
  notFound: () => <NotFoundPage />,
};

/** Pages whose tables need the whole window. */
const WIDE: ReadonlySet<RouteName> = new Set(['assets', 'incidents', 'suspensions']);

export function App() {
  const route = useRoute();
  const appInfo = useQuery('app.info', {});
  return (
    <SyncStatusProvider>
      <Layout route={route.name} appInfo={appInfo.status === 'ok' ? appInfo.value : null} wide={WIDE.has(route.name)}>
        {/* Keyed by navigation, so every visit starts the page afresh (a new form, a fresh list). */}
        <Fragment key={route.key}>{PAGES[route.name]()}</Fragment>
      </Layout>
    </SyncStatusProvider>
  );
}
