import { runEmbedded } from './embedded.process';

void runEmbedded();
