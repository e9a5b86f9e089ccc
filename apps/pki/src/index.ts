export { PKI_DEFAULT_HTTP_PORT, pkiService } from './pki.definition';
export { pkiSchema } from './persistence/pki-schema';
