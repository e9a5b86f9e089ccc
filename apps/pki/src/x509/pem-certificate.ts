import { pemBlocks, toPem as armour } from './pem';

/** The DER of a text holding exactly one PEM CERTIFICATE; undefined otherwise. */
export function fromPem(text: string): Buffer | undefined {
  const blocks = pemBlocks(text);
  if (!blocks || blocks.length !== 1 || blocks[0]?.label !== 'CERTIFICATE') return undefined;
  return blocks[0].der;
}

/** A certificate's DER as PEM. */
export function toPem(der: Uint8Array): string {
  return armour('CERTIFICATE', der);
}
