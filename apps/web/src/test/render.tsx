import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '@/app/providers';

export interface RenderRouteOptions {
  /** Route pattern the element is mounted at, e.g. "/w/:workspaceId/members". */
  path?: string;
  /** The URL to start at. */
  url?: string;
}

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

/** Renders an element inside the app providers and a memory router. */
export function renderRoute(
  element: ReactElement,
  { path = '/', url = path }: RenderRouteOptions = {},
): RenderResult & { router: ReturnType<typeof createMemoryRouter>; queryClient: QueryClient } {
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: <p>Navigated away</p> },
    ],
    { initialEntries: [url] },
  );
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}
