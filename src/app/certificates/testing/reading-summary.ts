/* What a spec compares of a reading: how many certificates, which rejections, whether a key came along. */
import { InputReading, InputRejection } from '../domain/input-reading';

export interface ReadingSummary {
  readonly certificates: number;
  readonly rejections: readonly InputRejection[];
  readonly containedPrivateKey: boolean;
}

export function summary(reading: InputReading): ReadingSummary {
  return { certificates: reading.certificates.length, rejections: reading.rejections, containedPrivateKey: reading.containedPrivateKey };
}

/** A private key among the rejections means the input contained one. */
export function expected(rejections: readonly InputRejection[], certificates: number): ReadingSummary {
  return { certificates, rejections, containedPrivateKey: rejections.some((rejection) => rejection.code === 'privateKey') };
}
