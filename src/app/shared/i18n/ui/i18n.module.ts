import { NgModule } from '@angular/core';
import { TranslatePipe } from './translate.pipe';

/** What a component imports for `| translate` (the name the VCD SDK's module had, so components kept their imports). */
@NgModule({ declarations: [TranslatePipe], exports: [TranslatePipe] })
export class I18nModule {}
