/** An identifier a driver presents: a 1.6 idTag (type `IdTag`) or a 2.0.1 idToken with its type. */
export interface IdTokenRef {
  value: string;
  type: string;
}

/** The 2.0.1 authorization statuses; 1.6 knows a subset (authorize.adapter.ts maps the rest). */
export type AuthorizationStatus =
  'Accepted' | 'Blocked' | 'ConcurrentTx' | 'Expired' | 'Invalid' | 'NoCredit' | 'NotAllowedTypeEVSE' | 'NotAtThisLocation' | 'NotAtThisTime' | 'Unknown';

/** What the CSMS decided about an id token. */
export interface AuthorizationDecision {
  status: AuthorizationStatus;
  expiresAt: Date | undefined;
  /** 1.6 parentIdTag, 2.0.1 groupIdToken. */
  groupIdToken: string | undefined;
}

/** An id token as registered in `connection.id_token`. */
export interface StoredIdToken {
  value: string;
  type: string;
  status: Exclude<AuthorizationStatus, 'ConcurrentTx' | 'Unknown'>;
  expiresAt: Date | null;
  groupIdToken: string | null;
}

/** 1.6 idTags carry no type; this is the type they get in the neutral model and on ocpp.events. */
export const IDTAG_TYPE = 'IdTag';
