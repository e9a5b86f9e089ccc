import { Readable } from 'node:stream';
import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CallerTenant, TenantScoped } from '../tenancy.port';
import { answer } from '../api-answer';
import { ApiExportResponse } from './transaction-export.openapi';
import { TransactionExportService } from './transaction-export.service';
import {
  type ExportTransactionsQuery,
  type ListTransactionsQuery,
  type TransactionDetailQuery,
  exportTransactionsQuery,
  listTransactionsQuery,
  transactionDetailQuery,
  transactionDetailSchema,
  transactionIdSchema,
  transactionPageSchema,
} from './transaction.schemas';
import { TransactionsService } from './transactions.service';

@ApiTokenAuth('transactions')
@Controller('transactions')
export class TransactionsController {
  constructor(
    private readonly transactions: TransactionsService,
    private readonly exports: TransactionExportService,
  ) {}

  @Get()
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({ summary: 'List transactions', description: 'Active and past transactions, newest first, with the energy delivered.' })
  @ApiZodQuery(listTransactionsQuery)
  @ApiZodResponse(200, transactionPageSchema, 'A page of transactions.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listTransactionsQuery, 'query')) query: ListTransactionsQuery, @CallerTenant() tenant: string | undefined) {
    return this.transactions.list(query, tenant);
  }

  // Declared before ':id', which would otherwise take `export` for a transaction id.
  @Get('export')
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({
    summary: 'Export charge detail records',
    description:
      'Every finished transaction, oldest stop first, as a file to download: CSV (RFC 4180, header record; text starting with = + - @ is prefixed with an apostrophe so that spreadsheets do not run it) or a JSON array. Streamed a page at a time, so any size can be exported; a transfer that breaks off is cut, never closed as if complete.',
  })
  @ApiZodQuery(exportTransactionsQuery)
  @ApiExportResponse()
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  async export(@Query(new ZodValidationPipe(exportTransactionsQuery, 'query')) query: ExportTransactionsQuery, @CallerTenant() tenant: string | undefined): Promise<StreamableFile> {
    const file = await this.exports.export(query, tenant);
    // objectMode off: the stream's buffer is counted in bytes, so it pulls the next page only once the client has taken this one.
    return new StreamableFile(Readable.from(file.chunks, { objectMode: false }), { type: file.contentType, disposition: `attachment; filename="${file.filename}"` });
  }

  @Get(':id')
  @RequireRole('viewer')
  @TenantScoped.filtered()
  @ApiOperation({ summary: 'Get a transaction', description: 'The transaction with its energy in Wh and its meter samples.' })
  @ApiZodParam('id', transactionIdSchema, 'Transaction id.')
  @ApiZodQuery(transactionDetailQuery)
  @ApiZodResponse(200, transactionDetailSchema, 'The transaction.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such transaction.', 409: 'Several stations have a transaction with this id: give stationId.' })
  async get(
    @Param('id', new ZodValidationPipe(transactionIdSchema, 'path.id')) id: string,
    @Query(new ZodValidationPipe(transactionDetailQuery, 'query')) query: TransactionDetailQuery,
    @CallerTenant() tenant: string | undefined,
  ) {
    return answer(await this.transactions.get(id, query, tenant));
  }
}
