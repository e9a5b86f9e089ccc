import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConsoleConfig } from './config';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

void loadConsoleConfig().then((config) =>
  createRoot(root).render(
    <StrictMode>
      <MantineProvider defaultColorScheme="light">
        <App config={config} />
      </MantineProvider>
    </StrictMode>,
  ),
);
