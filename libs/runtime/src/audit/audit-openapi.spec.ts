import { Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiProblems } from '../rest/zod-openapi';
import { AUDIT_UNAVAILABLE_DESCRIPTION, documentAuditRefusal } from './audit-openapi';

@Controller('things')
class ThingsController {
  @Get()
  list(): void {}

  @Post()
  create(): void {}

  @Delete(':id')
  @ApiProblems({ 503: 'The bus is down.' })
  remove(): void {}
}

const responses = (handler: object) => Reflect.getMetadata('swagger/apiResponse', handler) as Record<string, { description: string }> | undefined;

describe('documentAuditRefusal', () => {
  it('documents the audit’s 503 on mutating routes only, once, keeping a 503 of their own', () => {
    documentAuditRefusal([ThingsController]);
    documentAuditRefusal([ThingsController]);
    const prototype = ThingsController.prototype;
    expect(responses(prototype.list)?.['503']).toBeUndefined();
    expect(responses(prototype.create)?.['503']?.description).toBe(AUDIT_UNAVAILABLE_DESCRIPTION);
    const own = responses(prototype.remove)?.['503']?.description ?? '';
    expect(own.startsWith('The bus is down.')).toBe(true);
    expect(own.split(AUDIT_UNAVAILABLE_DESCRIPTION)).toHaveLength(2);
  });
});
