/* Registers the host's module instances in SystemJS 0.20, exactly once, before any plug-in loads. */
import * as animations from '@angular/animations';
import * as common from '@angular/common';
import * as http from '@angular/common/http';
import * as compiler from '@angular/compiler';
import * as core from '@angular/core';
import * as forms from '@angular/forms';
import * as platformBrowser from '@angular/platform-browser';
import * as platformBrowserAnimations from '@angular/platform-browser/animations';
import * as platformBrowserDynamic from '@angular/platform-browser-dynamic';
import * as router from '@angular/router';
import * as clrAngular from '@clr/angular';
import * as cdsIcon from '@cds/core/icon';
import * as cdsIconRegister from '@cds/core/icon/register.js';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import { HOST_MODULE_NAMES } from './host-modules';
import { vcdCommonNamespace } from './vcd-common';

export interface SystemJs {
  registry: { set(name: string, module: unknown): void; get(name: string): unknown };
  newModule(namespace: object): unknown;
  import(url: string): Promise<Record<string, unknown>>;
}

export function systemJs(): SystemJs {
  const system = (window as unknown as { System?: SystemJs }).System;
  if (!system) throw new Error('SystemJS 0.20 is not loaded: the host page must include system.js first');
  return system;
}

const NAMESPACES: Record<string, object> = {
  '@angular/animations': animations,
  '@angular/common': common,
  '@angular/common/http': http,
  '@angular/compiler': compiler,
  '@angular/core': core,
  '@angular/forms': forms,
  '@angular/platform-browser': platformBrowser,
  '@angular/platform-browser/animations': platformBrowserAnimations,
  '@angular/platform-browser-dynamic': platformBrowserDynamic,
  '@angular/router': router,
  '@clr/angular': clrAngular,
  '@cds/core/icon': cdsIcon,
  '@cds/core/icon/register.js': cdsIconRegister,
  rxjs,
  'rxjs/operators': rxjsOperators,
  '@vcd/common': vcdCommonNamespace,
};

export function registerHostModules(system: SystemJs = systemJs()): void {
  const unmapped = HOST_MODULE_NAMES.filter((name) => !NAMESPACES[name]);
  if (unmapped.length > 0) throw new Error(`host-modules.json lists modules the portal does not bundle: ${unmapped.join(', ')}`);
  for (const [name, namespace] of Object.entries(NAMESPACES)) {
    system.registry.set(name, system.newModule({ ...namespace }));
  }
}
