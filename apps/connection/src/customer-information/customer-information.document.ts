import { assembleParts } from '@app/ocpp';

/** One NotifyCustomerInformation part as stored. */
export interface CustomerInformationPart {
  seqNo: number;
  data: string;
  tbc: boolean;
  generatedAt: Date;
}

/** The report a CustomerInformation asked for, assembled from its parts. */
export interface CustomerInformationDocument {
  /** The last part (tbc false) came, and every part before it. */
  complete: boolean;
  /** The parts' data in seqNo order, up to the first missing part. */
  data: string;
  parts: number;
  /** seqNos below the highest one received that have not come (yet). */
  missingSeqNos: number[];
  generatedAt: Date | null;
}

/**
 * Assembles the parts of one request (OCPP 2.0.1 N09/N10: seqNo from 0, tbc on all but the last)
 * whatever order they arrived in. Data after a gap is withheld until the gap is filled, so the
 * document never reads as whole when it is not.
 */
export function assembleCustomerInformation(parts: readonly CustomerInformationPart[]): CustomerInformationDocument {
  const bySeqNo = new Map(parts.map((part) => [part.seqNo, part]));
  const missingSeqNos = assembleParts(parts).missing;
  const contiguous: CustomerInformationPart[] = [];
  for (let seqNo = 0; bySeqNo.has(seqNo); seqNo += 1) contiguous.push(bySeqNo.get(seqNo) as CustomerInformationPart);
  const last = contiguous.at(-1);
  const complete = last !== undefined && !last.tbc && missingSeqNos.length === 0;
  return {
    complete,
    data: contiguous.map((part) => part.data).join(''),
    parts: bySeqNo.size,
    missingSeqNos,
    generatedAt: last?.generatedAt ?? null,
  };
}
