import { TestBed, fakeAsync, tick } from '@angular/core/testing';
import { JsonObject, WriteAccess } from '../../shared/cse-config';
import { FakeVcdKeConfig } from '../../shared/cse-config/testing/fake-vcdke-config';
import { RegistrySettingsWidget } from '../testing/registry-settings.widget';
import { PageHostComponent, registrySettingsProviders } from '../testing/registry-settings.host';

function profile(config: JsonObject): JsonObject {
  return (config['profiles'] as JsonObject[])[0] as JsonObject;
}

describe('RegistrySettingsComponent', () => {
  let vcd: FakeVcdKeConfig;
  let settings: RegistrySettingsWidget;

  function open(access: WriteAccess = { canWrite: true }): void {
    TestBed.configureTestingModule({
      imports: [PageHostComponent],
      providers: registrySettingsProviders(vcd),
    });
    const fixture = TestBed.createComponent(PageHostComponent);
    // The page's state, not the component's: the document it read and the user's rights.
    fixture.componentInstance.document.set(vcd.document());
    fixture.componentInstance.access.set(access);
    fixture.detectChanges();
    settings = new RegistrySettingsWidget(fixture);
  }

  beforeEach(() => (vcd = new FakeVcdKeConfig('projects.registry.vmware.com')));

  describe('when CSE still uses the public registry', () => {
    beforeEach(() => open());

    it('shows the URL CSE uses, and offers no save until it is changed', () => {
      expect(settings.currentUrl()).toBe('projects.registry.vmware.com');
      expect(settings.urlField().value).toBe('projects.registry.vmware.com');
      expect(settings.reason()).toBe('This is the value CSE already uses.');
      expect(settings.canSave()).toBeFalse();
    });

    it('refuses to save a URL with a mistake, and saves once its fix is used', () => {
      settings.typeUrl('https://harbor.corp.local/cse');
      expect(settings.feedback.problems()).toEqual([jasmine.stringMatching(/^Remove the scheme/)]);
      expect(settings.canSave()).toBeFalse();
      settings.click('Use harbor.corp.local/cse');
      expect(settings.urlField().value).toBe('harbor.corp.local/cse');
      expect(settings.canSave()).toBeTrue();
    });

    it('shows Saving… until VCD answers, then Saved, the new URL in VCD and in the summary', fakeAsync(() => {
      settings.typeUrl('harbor.corp.local/cse');
      settings.save();
      expect(settings.saveLabel()).toBe('Saving…');
      expect(settings.canSave()).toBeFalse();
      tick();
      settings.settle();
      expect(vcd.requests).toEqual(['PUT If-Match="v1"']);
      expect(vcd.document().settings.containerRegistryUrl).toBe('harbor.corp.local/cse');
      expect(settings.saveLabel()).toBe('Save');
      expect(settings.isSavedShown()).toBeTrue();
      expect(settings.currentUrl()).toBe('harbor.corp.local/cse');
      expect(settings.reason()).toBe('This is the value CSE already uses.');
    }));

    it('stores an internationalised host the way CSE needs it (punycode)', fakeAsync(() => {
      settings.typeUrl('bücher.example/cse');
      settings.save();
      tick();
      expect(vcd.document().settings.containerRegistryUrl).toBe('xn--bcher-kva.example/cse');
    }));

    it('stops saying Saved once the user edits again', fakeAsync(() => {
      settings.typeUrl('harbor.corp.local/cse');
      settings.save();
      tick();
      settings.typeUrl('harbor.corp.local/other');
      expect(settings.isSavedShown()).toBeFalse();
      expect(settings.canSave()).toBeTrue();
    }));
  });

  describe('when VCD fails the save', () => {
    beforeEach(() => open());

    it('clears Saving…, says what went wrong, keeps the typed URL, and Retry saves it', fakeAsync(() => {
      vcd.failNextWrite({ status: 500 });
      settings.typeUrl('harbor.corp.local/cse');
      settings.save();
      tick();
      settings.settle();
      expect(settings.saveLabel()).toBe('Save');
      expect(settings.error()).toContain('VCD answered with an error (HTTP 500).');
      expect(settings.urlField().value).toBe('harbor.corp.local/cse');
      expect(settings.isSavedShown()).toBeFalse();
      expect(settings.currentUrl()).toBe('projects.registry.vmware.com');
      settings.click('Retry');
      tick();
      settings.settle();
      expect(settings.error()).toBe('');
      expect(settings.currentUrl()).toBe('harbor.corp.local/cse');
    }));

    it('is never left saving when VCD does not answer: after 30 s it says so and Save is back', fakeAsync(() => {
      vcd.failNextWrite('hang');
      settings.typeUrl('harbor.corp.local/cse');
      settings.save();
      tick(29_000);
      settings.settle();
      expect(settings.saveLabel()).toBe('Saving…');
      tick(1_000);
      settings.settle();
      expect(settings.saveLabel()).toBe('Save');
      expect(settings.canSave()).toBeTrue();
      expect(settings.error()).toContain('VCD did not answer within 30 s.');
    }));
  });

  describe('when someone else saved vcdKeConfig after the page read it (ETag conflict)', () => {
    beforeEach(() => open());

    it('overwrites nothing, shows their change, and re-applying keeps their change and sets the URL', fakeAsync(() => {
      vcd.changeBehindYourBack((config) => {
        const theirs = profile(config);
        return { profiles: [{ ...theirs, K8Config: { ...(theirs['K8Config'] as JsonObject), mhc: { maxUnhealthyNodes: 50 } } }] };
      });
      settings.typeUrl('harbor.corp.local/cse');
      settings.save();
      tick();
      settings.settle();
      expect(vcd.requests).toEqual(['PUT If-Match="v1"', 'GET']);
      expect(vcd.document().settings.containerRegistryUrl).toBe('projects.registry.vmware.com');
      expect(settings.conflict()).toContain('Someone changed one field of vcdKeConfig while you were editing:');
      expect(settings.conflict()).toContain('profiles[0].K8Config.mhc.maxUnhealthyNodes');
      expect(settings.conflict()).toContain('Your change: containerRegistryUrl → harbor.corp.local/cse.');
      expect(settings.canSave()).toBeFalse();

      settings.click('Re-apply my change');
      tick();
      settings.settle();
      expect(vcd.requests.at(-1)).toBe('PUT If-Match="v2"');
      expect(vcd.document().settings.containerRegistryUrl).toBe('harbor.corp.local/cse');
      const k8Config: unknown = profile(vcd.document().entity.entity)['K8Config'];
      expect(k8Config).toEqual({ certificateAuthorities: [], mhc: { maxUnhealthyNodes: 50 } });
      expect(settings.conflict()).toBe('');
      expect(settings.isSavedShown()).toBeTrue();
    }));

    it('warns when they changed the URL too, and discarding shows their URL without writing', fakeAsync(() => {
      vcd.changeBehindYourBack((config) => ({ profiles: [{ ...profile(config), containerRegistryUrl: 'harbor.corp.local/theirs' }] }));
      settings.typeUrl('harbor.corp.local/mine');
      settings.save();
      tick();
      settings.settle();
      expect(settings.conflict()).toContain('They changed the registry URL too. Re-applying replaces their URL with yours.');
      settings.click('Discard mine');
      expect(vcd.requests).toEqual(['PUT If-Match="v1"', 'GET']);
      expect(settings.urlField().value).toBe('harbor.corp.local/theirs');
      expect(settings.currentUrl()).toBe('harbor.corp.local/theirs');
      expect(settings.conflict()).toBe('');
    }));
  });

  describe('when the user may not write', () => {
    it('disables the field and says a tenant cannot change the registry', () => {
      open({ canWrite: false, reason: 'tenant' });
      expect(settings.urlField().disabled).toBeTrue();
      expect(settings.canSave()).toBeFalse();
      expect(settings.reason()).toBe('Read-only: only your service provider can change the registry.');
    });

    it('counts the vcdKeConfig entities when there is more than one', () => {
      open({ canWrite: false, reason: 'ambiguous', count: 3 });
      expect(settings.reason()).toBe('3 vcdKeConfig entities exist; CSE expects exactly one. Delete the extra ones first.');
    });
  });
});
