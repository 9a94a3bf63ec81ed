import { MissingContainerHooksError, containerHooks, readContainerHooks } from './container-hooks';

function registryWith(modules: Record<string, unknown>): { registry: { get(name: string): unknown } } {
  return { registry: { get: (name: string) => modules[name] } };
}

const COMPLETE = {
  API_ROOT_URL: 'a',
  SESSION_SCOPE: 'b',
  SESSION_ORGANIZATION: 'c',
  SESSION_ORG_ID: 'd',
  EXTENSION_ASSET_URL: 'e',
  EXTENSION_ROUTE: 'f',
  AuthTokenHolderService: class {},
};

describe('readContainerHooks', () => {
  it("reads the hooks from '@vcd/common'", () => {
    expect(readContainerHooks(registryWith({ '@vcd/common': COMPLETE })).API_ROOT_URL as unknown).toBe('a');
  });

  it("falls back to '@vcd-ui/common' on hosts that register the older name", () => {
    expect(readContainerHooks(registryWith({ '@vcd-ui/common': COMPLETE })).EXTENSION_ROUTE as unknown).toBe('f');
  });

  it('names every missing hook', () => {
    const { AuthTokenHolderService: _omitted, SESSION_ORG_ID: _alsoOmitted, ...partial } = COMPLETE;
    expect(() => readContainerHooks(registryWith({ '@vcd/common': partial }))).toThrowMatching(
      (error: unknown) =>
        error instanceof MissingContainerHooksError &&
        error.missing.join() === '@vcd/common.SESSION_ORG_ID,@vcd/common.AuthTokenHolderService',
    );
  });

  it('refuses a page without SystemJS or without the hooks module', () => {
    expect(() => readContainerHooks(undefined)).toThrowError(MissingContainerHooksError);
    expect(() => readContainerHooks(registryWith({}))).toThrowError(MissingContainerHooksError);
  });

  it('finds the module this page registered in SystemJS (as VCD does before loading a bundle)', () => {
    expect(containerHooks().SESSION_SCOPE as unknown).toBe('SESSION_SCOPE');
  });
});
