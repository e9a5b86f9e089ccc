import { runServices } from '@app/runtime';
import { CONNECTION_DEFAULT_HTTP_PORT, connectionService } from './connection.definition';

void runServices({ defaultHttpPort: CONNECTION_DEFAULT_HTTP_PORT, embedded: false }, [connectionService]);
