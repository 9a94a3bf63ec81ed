import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { validateRegistryUrl } from '../domain/registry-url';
import { provideEnglish } from '../testing/english';
import { UrlFeedbackWidget } from '../testing/url-feedback.widget';
import { RegistryUrlFeedbackComponent } from './registry-url-feedback.component';

/** Stands in for the settings form: the typed value, validated, and a fix replaces it. */
@Component({
  standalone: true,
  imports: [RegistryUrlFeedbackComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<cse-registry-url-feedback [validation]="validation()" (applyFix)="typed.set($event)" />`,
})
class FieldHostComponent {
  readonly typed = signal('');
  readonly validation = computed(() => validateRegistryUrl(this.typed()));
}

describe('RegistryUrlFeedbackComponent', () => {
  let fixture: ComponentFixture<FieldHostComponent>;
  let feedback: UrlFeedbackWidget;

  function typed(value: string): void {
    TestBed.configureTestingModule({ imports: [FieldHostComponent], providers: [provideEnglish()] });
    fixture = TestBed.createComponent(FieldHostComponent);
    // The host's own state, not the component's: what the user typed into the field above.
    fixture.componentInstance.typed.set(value);
    fixture.detectChanges();
    feedback = new UrlFeedbackWidget(fixture);
  }

  describe('when a URL is pasted from a browser', () => {
    beforeEach(() => typed('https://harbor.corp.local/cse/'));

    it('names each mistake in English and lists no derived locations', () => {
      expect(feedback.problems()).toEqual([
        'Remove the scheme: CSE expects a host and path such as harbor.corp.local/cse, without https://.',
        'Remove the trailing slash: CSE adds /tkg and the other paths itself.',
      ]);
      expect(feedback.derivedLocations()).toEqual([]);
    });

    it('offers the corrected value, which once used shows where CSE will pull from', () => {
      expect(feedback.fixes()).toContain('Use harbor.corp.local/cse');
      feedback.click('Use harbor.corp.local/cse');
      expect(feedback.problems()).toEqual([]);
      expect(feedback.derivedLocations()).toEqual([
        'harbor.corp.local/cse/tkg',
        'harbor.corp.local/cse/vmware-cloud-director',
        'harbor.corp.local/cse/tanzu_cli/plugins/plugin-inventory:latest',
      ]);
    });
  });

  it('puts the suffix CSE appends itself into the message', () => {
    typed('harbor.corp.local/cse/tkg');
    expect(feedback.problems()).toEqual([jasmine.stringContaining('Remove /tkg from the end')]);
    expect(feedback.fixes()).toEqual(['Use harbor.corp.local/cse']);
  });

  it('offers no fix for a mistake only the user can correct', () => {
    typed('harbor corp.local/cse');
    expect(feedback.problems()).toEqual(['Remove the spaces: a registry URL cannot contain spaces, tabs or line breaks.']);
    expect(feedback.fixes()).toEqual([]);
  });

  it('asks for a URL when the field is empty', () => {
    typed('');
    expect(feedback.problems()).toEqual([jasmine.stringMatching(/^Enter the registry URL/)]);
  });

  describe('when the URL is valid', () => {
    it('warns that VMware’s public registry cannot be reached from an airgapped site, and still lists the locations', () => {
      typed('projects.registry.vmware.com');
      expect(feedback.warnings()).toEqual([jasmine.stringMatching(/^This is VMware's public registry/)]);
      expect(feedback.derivedLocations()[0]).toBe('projects.registry.vmware.com/tkg');
    });

    it('warns that an IP address must be on the registry certificate', () => {
      typed('10.0.0.5/cse');
      expect(feedback.warnings()).toEqual([jasmine.stringMatching(/^The host is an IP address/)]);
    });

    it('shows how an internationalised host is stored (punycode)', () => {
      typed('bücher.example/cse');
      expect(feedback.derivedLocations()[0]).toBe('xn--bcher-kva.example/cse/tkg');
      expect(feedback.derivedNote()).toBe('bücher.example is stored as xn--bcher-kva.example (punycode), as CSE and the nodes need it.');
    });

    it('shows no warning and no punycode note for a plain DNS name', () => {
      typed('harbor.corp.local/cse');
      expect(feedback.warnings()).toEqual([]);
      expect(feedback.derivedNote()).toBe('');
    });
  });
});
