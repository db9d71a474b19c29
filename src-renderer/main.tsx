import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context';
import { createApi } from './api/create-api';
import { App } from './App';
import { RouterProvider } from './router';
import './styles.scss';

// What GOV.UK's template does with an inline script, which the CSP forbids: mark the page as having JavaScript.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

// Before the router reads the address: the web shell's secret arrives in the hash and is removed from it here.
const api = createApi();

const container = document.getElementById('app');
if (!container) throw new Error('The page has no #app element to render into');

createRoot(container).render(
  <StrictMode>
    <ApiProvider api={api}>
      <RouterProvider>
        <App />
      </RouterProvider>
    </ApiProvider>
  </StrictMode>,
);
