import { type FieldError, SITE_ID_PATTERN } from '@app/runtime';
import type { NodeInput } from './node-input.schemas';
import { placementError } from './node-placement';
import { type NodeKind, type NodeRecord, emptyNodeFields } from './topology.model';

/** A node of a request and where it is in the body, e.g. `body.children[2]`. */
export interface InputAt {
  input: NodeInput;
  path: string;
}

export interface NodeRecords {
  /** Parents before their children. */
  records: NodeRecord[];
  /** Where each record came from in the body. */
  paths: Map<string, string>;
  errors: FieldError[];
}

function defaultId(input: NodeInput, parentId: string): string | undefined {
  if (input.kind === 'charger') return input.stationId;
  if (input.kind === 'evse') return `${parentId}:${input.evseId}`;
  return undefined;
}

function idError(input: NodeInput, id: string | undefined): string {
  const what = input.kind === 'charger' ? `the station id "${id}"` : `"${id}"`;
  return `is required here: ${what} cannot be a node id (1-64 letters, digits, ".", "_", ":" or "-")`;
}

function recordOf(input: NodeInput, nodeId: string, parentId: string): NodeRecord {
  const base = { ...emptyNodeFields, nodeId, kind: input.kind, parentId, label: input.label ?? null, limit: input.limit ?? null };
  if (input.kind === 'charger') return { ...base, stationId: input.stationId, wiring: input.wiring ?? ['L1', 'L2', 'L3'], rating: input.rating };
  if (input.kind === 'evse') return { ...base, evseId: input.evseId, minA: input.minA, maxA: input.maxA, phases: input.phases, priority: input.priority };
  return base;
}

/**
 * The nodes of a request (nested `children`) as records under `parent`, with every error a
 * request can have on its own: misplaced kinds, ids, station ids or EVSE ids given twice, a
 * nested `parentId`. Node ids default for chargers (the station id) and EVSEs (`<charger>:<evseId>`).
 * Conflicts with nodes that exist already are the caller's to find.
 */
export function nodeRecordsOf(entries: readonly InputAt[], parent: { nodeId: string; kind: NodeKind }): NodeRecords {
  const result: NodeRecords = { records: [], paths: new Map(), errors: [] };
  const stations = new Map<string, string>();
  const evses = new Map<string, string>();
  const visit = ({ input, path }: InputAt, holder: { nodeId: string; kind: NodeKind }) => {
    const error = (field: string, message: string) => result.errors.push({ field: `${path}.${field}`, message });
    const nodeId = input.nodeId ?? defaultId(input, holder.nodeId);
    if (nodeId === undefined || !SITE_ID_PATTERN.test(nodeId)) error('nodeId', idError(input, nodeId));
    else if (result.paths.has(nodeId)) error('nodeId', `"${nodeId}" is also the id of ${result.paths.get(nodeId)}`);
    if (input.parentId !== undefined) error('parentId', 'leave it out: a nested node is under the node that holds it');
    const misplaced = placementError(input.kind, holder);
    if (misplaced !== undefined) error('kind', misplaced);
    if (input.kind === 'charger') {
      const other = stations.get(input.stationId);
      if (other !== undefined) error('stationId', `station ${input.stationId} is also the charger at ${other}`);
      stations.set(input.stationId, path);
    }
    if (input.kind === 'evse') {
      const key = `${holder.nodeId}\u0000${input.evseId}`;
      const other = evses.get(key);
      if (other !== undefined) error('evseId', `EVSE ${input.evseId} of ${holder.nodeId} is also ${other}`);
      evses.set(key, path);
    }
    const id = nodeId ?? path;
    if (!result.paths.has(id)) result.paths.set(id, path);
    result.records.push(recordOf(input, id, holder.nodeId));
    const children = input.kind === 'evse' ? [] : (input.children ?? []);
    children.forEach((child, index) => visit({ input: child, path: `${path}.children[${index}]` }, { nodeId: id, kind: input.kind }));
  };
  entries.forEach((entry) => visit(entry, parent));
  return result;
}
