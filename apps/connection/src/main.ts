import { runServices } from '@app/runtime';
import { connectionService } from './connection.definition';

void runServices({ defaultHttpPort: 3000, embedded: false }, [connectionService]);
