import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A charging station the CSMS knows. `securityProfile` is the lowest profile
 * it may connect with: 0 = no credentials (only where an operator allowed it,
 * or a first-contact registration in embedded mode), 1 = Basic over ws://,
 * 2 = Basic over TLS, 3 = TLS client certificate.
 */
@Entity({ name: 'station' })
export class StationEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'security_profile', type: 'smallint', default: 1 })
  securityProfile!: number;

  /** scrypt hash of the Basic-auth password (see security/password-hash.ts); never the password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  /** Serial number that the CN of the station's client certificate must carry (profile 3). */
  @Column({ name: 'serial_number', type: 'text', nullable: true })
  serialNumber!: string | null;

  @Column({ name: 'auto_registered', type: 'boolean', default: false })
  autoRegistered!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
