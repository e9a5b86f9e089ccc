import type { SecurityProfile } from './connection-settings';

/** One 2.0.1 network connection profile slot (SetNetworkProfile connectionData, the part the simulator uses). */
export interface NetworkSlot {
  /** ocppCsmsUrl: the CSMS URL without the station id. */
  readonly url: string;
  /** Undefined for the slot the station was configured with: its profile is the SecurityProfile setting. */
  readonly securityProfile?: SecurityProfile;
}

/** The slot the station's configured URL lives in; NetworkConfigurationPriority starts as just this one. */
export const INITIAL_SLOT = 1;

export type SlotChange = 'Accepted' | 'Rejected';

/** A priority list as NetworkConfigurationPriority holds it: slot numbers, comma-separated, no repeats. */
export function parsePriority(value: string): number[] | undefined {
  if (!/^\d{1,3}(,\d{1,3})*$/.test(value)) return undefined;
  const slots = value.split(',').map(Number);
  return new Set(slots).size === slots.length ? slots : undefined;
}

/**
 * The network connection profiles of a 2.0.1 station (OCPP 2.0.1 B09/B10): SetNetworkProfile
 * stores connection data in a slot; NetworkConfigurationPriority orders the slots the station
 * tries when it (re)connects, falling back to the next one when a slot fails. The slot in use
 * cannot be overwritten, so a bad profile never cuts the station off its working one.
 */
export class NetworkProfiles {
  private readonly slots = new Map<number, NetworkSlot>();
  private active: number | undefined;

  constructor(initialUrl: string) {
    this.slots.set(INITIAL_SLOT, { url: initialUrl });
  }

  get activeSlot(): number | undefined {
    return this.active;
  }

  slot(number: number): NetworkSlot | undefined {
    return this.slots.get(number);
  }

  store(number: number, slot: NetworkSlot): SlotChange {
    if (number === this.active) return 'Rejected';
    this.slots.set(number, slot);
    return 'Accepted';
  }

  /** True when every slot of the list holds a profile: the station refuses a priority naming an empty slot. */
  knows(priority: readonly number[]): boolean {
    return priority.every((number) => this.slots.has(number));
  }

  /** The slots to try in order (empty or unknown ones skipped), each with its number. */
  candidates(priority: readonly number[]): { number: number; slot: NetworkSlot }[] {
    return priority.flatMap((number) => {
      const slot = this.slots.get(number);
      return slot === undefined ? [] : [{ number, slot }];
    });
  }

  connectedOn(number: number | undefined): void {
    this.active = number;
  }
}
