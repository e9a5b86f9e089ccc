import { Module } from '@nestjs/common';
import { CommandResultObservers } from './command-result.observers';

/** The observer registry alone, so capability modules can register without importing the routing. */
@Module({
  providers: [CommandResultObservers],
  exports: [CommandResultObservers],
})
export class CommandObserversModule {}
