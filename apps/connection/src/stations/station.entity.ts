import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RegistrationStatus } from './registration-status';

/**
 * A charging station the CSMS knows. `securityProfile` is the lowest profile
 * it may connect with: 0 = no credentials (only where an operator allowed it,
 * or a first-contact registration), 1 = Basic over ws://,
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

  /**
   * Serial number that the CN of the station's client certificate must carry (profile 3).
   * Registered by an operator, or taken from the first BootNotification that reports one;
   * a boot never overwrites it.
   */
  @Column({ name: 'serial_number', type: 'text', nullable: true })
  serialNumber!: string | null;

  @Column({ name: 'auto_registered', type: 'boolean', default: false })
  autoRegistered!: boolean;

  /** accepted / pending / rejected: the BootNotification answer, and whether other CALLs are admitted. */
  @Column({ name: 'registration_status', type: 'text', default: 'accepted' })
  registrationStatus!: RegistrationStatus;

  @Column({ type: 'text', nullable: true })
  vendor!: string | null;

  @Column({ type: 'text', nullable: true })
  model!: string | null;

  @Column({ name: 'firmware_version', type: 'text', nullable: true })
  firmwareVersion!: string | null;

  @Column({ name: 'last_boot_at', type: 'timestamptz', nullable: true })
  lastBootAt!: Date | null;

  /** Last CALL from the station, written at most once a minute per station. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
