/*
 * What the last registry check found, for the sections that build on it: the served chain (the
 * certificates prove CAs against it) and how the registry is reached (the dependencies check).
 */
import { Injectable, signal } from '@angular/core';
import { AccessPath, RegistryCheckRecord } from '../status-store/domain';

export interface ServedChain {
  readonly host: string;
  /** PEMs, leaf first, as VCD's testConnection returned them. */
  readonly pems: readonly string[];
  readonly checkedAt: string;
}

export interface RegistryReach {
  readonly path: AccessPath;
  /** Harbor answered /api/v2.0 at the last check. */
  readonly harbor: boolean;
}

@Injectable()
export class RegistryCheckState {
  readonly chain = signal<ServedChain | undefined>(undefined);
  readonly reach = signal<RegistryReach | undefined>(undefined);
  /** The whole record, for the readiness summary: it follows a check at once, kept in VCD or not. */
  readonly record = signal<RegistryCheckRecord | undefined>(undefined);
}
