export { runEmbedded } from './embedded.process';
