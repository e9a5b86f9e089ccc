import type { CaRecord } from '../authorities/certificate-authority.repository';

/** The repository as rows in memory, with the table's rules: unique names, one active CA per role. */
export class FakeAuthorities {
  readonly rows: CaRecord[] = [];
  async insert(record: Omit<CaRecord, 'createdAt' | 'active'>) {
    if (this.rows.some((row) => row.name === record.name)) return false;
    this.rows.push({ ...record, active: false, createdAt: new Date() });
    return true;
  }
  async nameTaken(name: string) {
    return this.rows.some((row) => row.name === name);
  }
  async find(id: string) {
    return this.rows.find((row) => row.id === id);
  }
  async findActive(role: string) {
    return this.rows.find((row) => row.role === role && row.active);
  }
  async list() {
    return this.rows;
  }
  async activate(id: string, role: string) {
    for (const row of this.rows) if (row.role === role) row.active = row.id === id;
  }
}
