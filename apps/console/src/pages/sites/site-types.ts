/**
 * The smart-charging answers the Sites pages read, as their zod schemas declare them
 * (apps/smart-charging/src: topology-view.schemas, limits.schemas, charging-views.schemas, audit.schemas,
 * deviations.schemas, draw-history.schemas). Kept by hand: the console uses only the public REST API.
 */
export type Triple = [number, number, number];

export interface LimitValue {
  perPhaseA?: Triple;
  totalW?: number;
}

export interface SiteSummary {
  siteId: string;
  name: string | null;
  tenant: string | null;
  nodeCount: number;
  createdAt: string;
  updatedAt: string;
  limit: LimitValue | null;
}

export type NodeKind = 'site' | 'feeder' | 'cabinet' | 'transformer' | 'charger' | 'evse';

export interface TreeNode {
  nodeId: string;
  kind: NodeKind;
  parentId: string | null;
  label: string | null;
  limit: LimitValue | null;
  stationId?: string;
  evseId?: number;
  rating?: { maxA: number; phases: 1 | 3 };
  maxA?: number;
  phases?: 1 | 3;
  children: TreeNode[];
}

export interface SiteTree {
  siteId: string;
  name: string | null;
  tenant: string | null;
  nodeCount: number;
  root: TreeNode;
}

export interface LimitSlot {
  start: string;
  durationS: number;
  perPhaseA?: Triple;
  totalW?: number;
}

export interface ScheduleView {
  siteId: string;
  nodeId: string;
  source: string;
  default: LimitValue | null;
  slots: LimitSlot[];
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface EffectiveLimit {
  at: string;
  perPhaseA: [number | null, number | null, number | null];
  totalW: number | null;
  boundBy: { perPhaseA: [string | null, string | null, string | null]; totalW: string | null };
}

export interface NodeLimits {
  siteId: string;
  nodeId: string;
  nodeLimit: LimitValue | null;
  schedules: ScheduleView[];
  effectiveNow: EffectiveLimit;
  effectiveAt: EffectiveLimit | null;
}

export interface SitePlan {
  siteId: string;
  plannedAt: string;
  nextChangeAt: string | null;
  unreachable: string[];
  nodes: { nodeId: string; limit: LimitValue; loadA: Triple; loadW: number; drawnA: Triple; headroomA: (number | null)[]; headroomW: number | null }[];
  sessions: {
    sessionId: string;
    stationId: string;
    evseId: number;
    transactionId: string;
    nodeId: string;
    gridPhases: string[];
    minA: number;
    maxA: number;
    priority: number;
    allocatedA: number;
    drawnA: number | null;
    drawnAt: string | null;
    overdraw: { heldToA: number; excessA: Triple } | null;
  }[];
}

export interface StationCharging {
  stationId: string;
  siteId: string | null;
  connected: boolean;
  sessions: { evseId: number; transactionId: string; startedAt: string }[];
  profiles: {
    purpose: 'tx' | 'tx-default' | 'station-max';
    evseId: number;
    outcome: 'pending' | 'accepted' | 'rejected' | 'failed';
    sentAt: string;
    detail: string | null;
    profile: Record<string, unknown>;
  }[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  siteId: string;
  nodeId: string | null;
  source: string | null;
  before: unknown;
  after: unknown;
}

export interface Deviation {
  id: string;
  stationId: string;
  evseId: number;
  transactionId: string;
  phases: string[];
  allowedA: number;
  drawnPeakA: number;
  excessPeakA: number;
  openedAt: string;
  closedAt: string | null;
}

export interface HistoryPoint {
  at: string;
  limitA: Triple | null;
  limitW: number | null;
  allocatedA: Triple;
  allocatedW: number;
  drawnA: Triple;
  samples: number;
}

export interface NodeDrawHistory {
  siteId: string;
  nodeId: string;
  from: string;
  to: string;
  sampleSeconds: number;
  current: { limitA: Triple | null; limitW: number | null } | null;
  bucketSeconds: number | null;
  points: HistoryPoint[];
}
