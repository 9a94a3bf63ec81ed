/* The chain the registry served at the last check: the certificates feature proves CAs against it. */
import { Injectable, signal } from '@angular/core';

export interface ServedChain {
  readonly host: string;
  /** PEMs, leaf first, as VCD's testConnection returned them. */
  readonly pems: readonly string[];
  readonly checkedAt: string;
}

@Injectable()
export class ServedChainState {
  readonly chain = signal<ServedChain | undefined>(undefined);
}
