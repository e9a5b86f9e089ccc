import { InjectDataSource } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';

/** The latest CRL of a CA. */
export interface StoredCrl {
  readonly crlNumber: bigint;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly der: Buffer;
  /** A revocation happened after it was signed. */
  readonly stale: boolean;
}

interface CrlRow {
  crl_number: string;
  this_update: Date;
  next_update: Date;
  der: Buffer;
  stale: boolean;
}

const CRL = `"${PKI_SCHEMA}"."crl"`;

const storedCrlOf = (row: CrlRow | undefined): StoredCrl | undefined =>
  // crl_number 0 is the placeholder a first renewal inserts to have a row to lock.
  row === undefined || row.crl_number === '0'
    ? undefined
    : { crlNumber: BigInt(row.crl_number), thisUpdate: new Date(row.this_update), nextUpdate: new Date(row.next_update), der: Buffer.from(row.der), stale: row.stale };

/** The latest CRL of each CA, with the number the next one continues from. */
@Injectable()
export class CrlRepository {
  constructor(@InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource) {}

  async latest(issuerId: string): Promise<StoredCrl | undefined> {
    const rows: CrlRow[] = await this.dataSource.query(`SELECT crl_number, this_update, next_update, der, stale FROM ${CRL} WHERE issuer_id = $1`, [issuerId]);
    return storedCrlOf(rows[0]);
  }

  /** Inside the transaction that records a revocation: the CA's CRL no longer tells the truth. */
  async markStale(manager: EntityManager, issuerId: string): Promise<void> {
    await manager.query(`UPDATE ${CRL} SET stale = true WHERE issuer_id = $1`, [issuerId]);
  }

  /**
   * Renews the CA's CRL holding its row lock, so concurrent renewals (two replicas, a revocation
   * and a fetch) sign one after the other and numbers never repeat. `renew` gets the current CRL and
   * returns it unchanged when it has become fresh meanwhile.
   */
  async renew(issuerId: string, renew: (manager: EntityManager, current: StoredCrl | undefined) => Promise<StoredCrl>): Promise<StoredCrl> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO ${CRL} (issuer_id, crl_number, this_update, next_update, der, stale) VALUES ($1, 0, now(), now(), '', true) ON CONFLICT (issuer_id) DO NOTHING`, [issuerId]);
      const rows: CrlRow[] = await manager.query(`SELECT crl_number, this_update, next_update, der, stale FROM ${CRL} WHERE issuer_id = $1 FOR UPDATE`, [issuerId]);
      const current = storedCrlOf(rows[0]);
      const renewed = await renew(manager, current);
      if (renewed !== current) {
        await manager.query(`UPDATE ${CRL} SET crl_number = $2, this_update = $3, next_update = $4, der = $5, stale = false WHERE issuer_id = $1`, [
          issuerId,
          renewed.crlNumber.toString(),
          renewed.thisUpdate,
          renewed.nextUpdate,
          renewed.der,
        ]);
      }
      return renewed;
    });
  }
}
