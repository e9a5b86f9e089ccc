// What the operator API uses from local-lists/ (the lists the CSMS keeps per station), in one
// place, as station-core.port.ts does for the station core.

export { type LocalListEntry, desiredEntries, listDigest } from '../local-lists/local-list.entries';
export { type LocalListRow, LocalListRepository } from '../local-lists/local-list.repository';
export { syncStateOf } from '../local-lists/local-list.state';
export { LocalListSync, type SyncReport } from '../local-lists/local-list.sync';
export { LocalListsModule } from '../local-lists/local-lists.module';
