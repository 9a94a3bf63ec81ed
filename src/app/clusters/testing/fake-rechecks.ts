/* Scriptable doubles of the re-check ports: they record what they were asked and answer as told. */
import { Observable, Subject, of } from 'rxjs';
import { ImageRecheck, ImageToRecheck } from '../data/image-recheck';
import { ImageRecheckOutcome, RegistryRecheckOutcome } from '../domain';

export class FakeImageRecheck implements ImageRecheck {
  asked: (readonly ImageToRecheck[])[] = [];
  /** What the registry holds now: references listed here are present, the others missing. */
  present = new Set<string>();

  check(images: readonly ImageToRecheck[]): Observable<ImageRecheckOutcome> {
    this.asked.push(images);
    return of(
      ...images.map(
        (image): ImageRecheckOutcome =>
          this.present.has(image.destination)
            ? { status: 'present', reference: image.destination }
            : { status: 'missing', reference: image.destination },
      ),
    );
  }
}

export class FakeRegistryRecheck {
  asked: { base: string; nodeCertificates: readonly string[] }[] = [];
  answer = new Subject<RegistryRecheckOutcome>();

  check(base: string, nodeCertificates: readonly string[]): Observable<RegistryRecheckOutcome> {
    this.asked.push({ base, nodeCertificates });
    return this.answer;
  }
}
