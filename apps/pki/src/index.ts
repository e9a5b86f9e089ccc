export { pkiService } from './pki.definition';
