/* The provider or tenant portal frame: header, navigation to plug-ins, and the plug-in outlet. */
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NavigationError, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { HOST_CONTEXT } from './host-context';
import { localized } from './plugins';
import { Lang, logOut, switchLang } from './session';
import { TEXT } from './text';

@Component({
  selector: 'sandbox-portal',
  standalone: true,
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="main-container">
      <header class="header header-6">
        <div class="branding">
          <span class="title">{{ text['title'] }}</span>
        </div>
        <div class="header-nav">
          <span class="nav-text" data-test="portal-kind">{{ portalLabel }}</span>
        </div>
        <div class="header-actions">
          <select class="lang" data-test="lang-switch" [value]="context.lang" (change)="onLang($event)">
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
          <span class="nav-text" data-test="current-user">{{ context.session.user }}&#64;{{ context.session.org.name }}</span>
          <button type="button" class="btn btn-link logout" data-test="logout" (click)="logOut()">{{ text['logout'] }}</button>
        </div>
      </header>
      <div class="content-container">
        <nav class="sidenav">
          <section class="sidenav-content">
            <a class="nav-link" [routerLink]="context.base" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }">{{
              text['home']
            }}</a>
            @for (entry of navEntries; track entry.path) {
              <a
                class="nav-link"
                [routerLink]="entry.path"
                routerLinkActive="active"
                [attr.data-test]="'nav-' + entry.route"
                [title]="entry.description"
                >{{ entry.name }}</a
              >
            }
          </section>
        </nav>
        <div class="content-area">
          @if (loadError()) {
            <div class="alert alert-danger" role="alert" data-test="plugin-load-error">
              <div class="alert-items">
                <div class="alert-item static">{{ text['pluginError'] }}: {{ loadError() }}</div>
              </div>
            </div>
          }
          <router-outlet />
        </div>
      </div>
    </div>
  `,
  styles: [
    `
      .lang {
        margin-right: 1rem;
      }
      .header-actions {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        color: #fff;
        padding-right: 1rem;
      }
      .logout {
        color: #fff;
      }
      .content-container {
        display: flex;
        min-height: calc(100vh - 3rem);
      }
      .sidenav {
        flex: 0 0 14rem;
        border-right: 1px solid #d7d7d7;
        padding-top: 1rem;
      }
      .sidenav .nav-link {
        display: block;
        padding: 0.4rem 1.2rem;
        text-decoration: none;
      }
      .sidenav .nav-link.active {
        background: #e1f1f6;
        font-weight: 600;
      }
      .content-area {
        flex: 1;
      }
    `,
  ],
})
export class PortalComponent {
  readonly context = inject(HOST_CONTEXT);
  readonly text = TEXT[this.context.lang];
  readonly loadError = signal('');
  readonly portalLabel = this.context.session.provider
    ? this.text['provider']
    : `${this.text['tenant']} — ${this.context.session.org.name}`;
  readonly navEntries = this.context.plugins
    .filter((plugin) => !plugin.error)
    .flatMap((plugin) =>
      plugin.manifest.extensionPoints
        .filter((point) => point.type === 'navigation:primary')
        .map((point) => ({
          route: point.route ?? plugin.manifest.route,
          path: `${this.context.base}/${point.route ?? plugin.manifest.route}`,
          name: localized(plugin.manifest, point.name, this.context.lang),
          description: localized(plugin.manifest, point.description ?? '', this.context.lang),
        })),
    );

  constructor() {
    const refused = this.context.plugins.filter((plugin) => plugin.error).map((plugin) => `${plugin.manifest.name}: ${plugin.error}`);
    if (refused.length > 0) this.loadError.set(refused.join('; '));
    inject(Router).events.subscribe((event) => {
      if (event instanceof NavigationError) this.loadError.set(String(event.error));
    });
  }

  onLang(event: Event): void {
    switchLang((event.target as HTMLSelectElement).value as Lang);
  }

  logOut(): Promise<void> {
    return logOut();
  }
}

@Component({
  selector: 'sandbox-home',
  standalone: true,
  template: `<h2>{{ text['home'] }}</h2>
    <p>{{ text['welcome'] }}</p>`,
})
export class HomeComponent {
  readonly text = TEXT[inject(HOST_CONTEXT).lang];
}
