/* The sandbox's login page: pick a persona, the way one would type credentials into VCD. */
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { PERSONAS, Persona } from './personas';
import { Lang, currentLang, logIn, switchLang } from './session';
import { TEXT } from './text';

@Component({
  selector: 'sandbox-login',
  standalone: true,
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="login-wrapper">
      <div class="login">
        <h1 class="title">{{ text.title }}</h1>
        <p class="p7">{{ text.loginIntro }}</p>
        <div class="btn-group-vertical">
          @for (persona of personas; track persona.id) {
            <button type="button" class="btn btn-primary" [attr.data-test]="'persona-' + persona.id" (click)="logIn(persona)">
              {{ persona.label[lang] }} — {{ persona.user }}&#64;{{ persona.org }}
            </button>
          }
        </div>
        @if (error()) {
          <div class="alert alert-danger" role="alert">
            <div class="alert-items">
              <div class="alert-item static">{{ error() }}</div>
            </div>
          </div>
        }
        <p class="p7">
          <button type="button" class="btn btn-link" data-test="lang-en" (click)="switchLang('en')">English</button>
          <button type="button" class="btn btn-link" data-test="lang-fr" (click)="switchLang('fr')">Français</button>
        </p>
      </div>
    </div>
  `,
  styles: [
    `
      .login-wrapper {
        display: flex;
        justify-content: center;
        padding-top: 4rem;
      }
      .login {
        max-width: 36rem;
      }
      .btn-group-vertical {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        margin-top: 1rem;
      }
    `,
  ],
})
export class LoginComponent {
  readonly personas = PERSONAS;
  readonly lang: Lang = currentLang();
  readonly text = TEXT[this.lang];
  readonly error = signal('');
  readonly switchLang = switchLang;

  async logIn(persona: Persona): Promise<void> {
    try {
      await logIn(persona);
      location.assign(persona.provider ? '/provider' : `/tenant/${persona.org}`);
    } catch (error) {
      this.error.set(String(error));
    }
  }
}
