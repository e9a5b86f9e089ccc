import { Navigate, type RouteObject } from 'react-router';
import type { Caller } from './auth/roles';
import { homeSection } from './auth/roles';
import { Shell } from './layout/Shell';
import { CertificatesPage } from './pages/certificates/CertificatesPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SitePage } from './pages/sites/SitePage';
import { SitesPage } from './pages/sites/SitesPage';
import { StationPage } from './pages/stations/StationPage';
import { StationsPage } from './pages/stations/StationsPage';

/** The console's pages. Hash routes (`/console/#/stations/CP-1`): any static host serves them without a fallback rule. */
export function routesFor(caller: Caller): RouteObject[] {
  return [
    {
      path: '/',
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to={`/${homeSection(caller) ?? 'sites'}`} replace /> },
        { path: 'stations', element: <StationsPage /> },
        { path: 'stations/:stationId', element: <StationPage /> },
        { path: 'sites', element: <SitesPage /> },
        { path: 'sites/:siteId', element: <SitePage /> },
        { path: 'certificates', element: <CertificatesPage /> },
        { path: 'certificates/:tab', element: <CertificatesPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
