import { runServices } from '@app/runtime';
import { pkiService } from './pki.definition';

void runServices({ defaultHttpPort: 3002, embedded: false }, [pkiService]);
