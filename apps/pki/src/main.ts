import { runServices } from '@app/runtime';
import { PKI_DEFAULT_HTTP_PORT, pkiService } from './pki.definition';

void runServices({ defaultHttpPort: PKI_DEFAULT_HTTP_PORT, embedded: false }, [pkiService]);
