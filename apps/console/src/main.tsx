import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { createTheme, MantineProvider, Modal } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConsoleConfig } from './config';

// Mantine's dialogs close with an icon button that has no name of its own: give every one a name screen readers say.
const theme = createTheme({ components: { Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss dialog' } } }) } });

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

void loadConsoleConfig().then((config) =>
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <App config={config} />
      </MantineProvider>
    </StrictMode>,
  ),
);
