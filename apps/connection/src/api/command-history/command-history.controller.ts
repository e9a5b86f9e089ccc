import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CallerTenant, TenantScoped } from '../tenancy.port';
import { answer } from '../api-answer';
import { type ListCommandsQuery, commandIdSchema, commandPageSchema, commandRecordSchema, listCommandsQuery } from './command-history.schemas';
import { CommandHistoryService } from './command-history.service';

@ApiTokenAuth('commands')
@Controller('commands')
export class CommandHistoryController {
  constructor(private readonly commands: CommandHistoryService) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'List commands sent to stations',
    description:
      'Every command a connection replica ran or answered not-connected, from any service (operator API, smart charging, PKI), newest first by issue time: who sent it, what was asked, what the station answered. Written in the background: a command shows up shortly after its answer.',
  })
  @ApiZodQuery(listCommandsQuery)
  @ApiZodResponse(200, commandPageSchema, 'A page of commands.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listCommandsQuery, 'query')) query: ListCommandsQuery, @CallerTenant() tenant: string | undefined) {
    return this.commands.list(query, tenant);
  }

  @Get(':commandId')
  @RequireRole('viewer')
  @TenantScoped.object('command', 'commandId')
  @ApiOperation({ summary: 'Get a command', description: 'One command of the history, by the `commandId` its command endpoint answered with.' })
  @ApiZodParam('commandId', commandIdSchema, 'Command id.')
  @ApiZodResponse(200, commandRecordSchema, 'The command.')
  @ApiProblems({ 400: 'The command id is invalid.', 404: 'No such command in the history.' })
  async get(@Param('commandId', new ZodValidationPipe(commandIdSchema, 'path.commandId')) commandId: string) {
    return answer(await this.commands.get(commandId));
  }
}
