import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installSignOutCleanup } from './lib/collabCopies';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Offline plan copies must go when their owner signs out, whether or not a plan is open.
installSignOutCleanup();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
