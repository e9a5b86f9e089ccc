import { ApiProblems, ApiTokenAuth, ApiZodParam, ApiZodQuery, ApiZodResponse, RequireRole, ZodValidationPipe } from '@app/runtime';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { answer } from '../api-answer';
import {
  type ListTransactionsQuery,
  type TransactionDetailQuery,
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
  constructor(private readonly transactions: TransactionsService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List transactions', description: 'Active and past transactions, newest first, with the energy delivered.' })
  @ApiZodQuery(listTransactionsQuery)
  @ApiZodResponse(200, transactionPageSchema, 'A page of transactions.')
  @ApiProblems({ 400: 'A query parameter is invalid.' })
  list(@Query(new ZodValidationPipe(listTransactionsQuery, 'query')) query: ListTransactionsQuery) {
    return this.transactions.list(query);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a transaction', description: 'The transaction with its energy in Wh and its meter samples.' })
  @ApiZodParam('id', transactionIdSchema, 'Transaction id.')
  @ApiZodQuery(transactionDetailQuery)
  @ApiZodResponse(200, transactionDetailSchema, 'The transaction.')
  @ApiProblems({ 400: 'A parameter is invalid.', 404: 'No such transaction.', 409: 'Several stations have a transaction with this id: give stationId.' })
  async get(
    @Param('id', new ZodValidationPipe(transactionIdSchema, 'path.id')) id: string,
    @Query(new ZodValidationPipe(transactionDetailQuery, 'query')) query: TransactionDetailQuery,
  ) {
    return answer(await this.transactions.get(id, query));
  }
}
