/*
 * Airgap tab → Dependencies → fixing the gaps: the missing-only dependencies.txt, imgpkg commands
 * per missing image, the documented getting-started-airgapped procedure with the base filled in,
 * and CSV/JSON exports of every result. An absent image whose reference does not parse is left out
 * of what is printed, with a note that says how many and quotes the first ones.
 */
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output, computed, inject, signal } from '@angular/core';
import { I18nModule } from '../../shared/i18n';
import { copyText, saveTextFile } from './browser-files';
import {
  absentRows,
  gettingStartedProcedure,
  imgpkgCommands,
  missingDependenciesFile,
  printableAbsentRows,
  resultsCsv,
  resultsJson,
} from './export/fix-texts';
import { ResultRow } from '../domain';
import { SourceRegistrySetting } from '../data/source-registry.setting';
import { DOCUMENTED_SOURCE_REGISTRY, fromSource } from '../domain/source-registry';
import { TransferScriptComponent } from './transfer-script.component';

/** More commands than this are not useful on screen: the missing-only file is the way then. */
const MAX_SHOWN_COMMANDS = 50;

@Component({
  selector: 'cse-dependency-fixes',
  standalone: true,
  imports: [I18nModule, TransferScriptComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dependency-fixes.component.html',
  styleUrl: './dependencies-section.component.css',
})
export class DependencyFixesComponent {
  private readonly document = inject(DOCUMENT);
  private readonly source = inject(SourceRegistrySetting).source;
  /** The rows as the provider pulls them: from the source registry setting. */
  private readonly rowsSignal = computed(() =>
    this.checkedRows().map((row) => ({ ...row, source: fromSource(row.source, this.source()) })),
  );
  private readonly checkedRows = signal<readonly ResultRow[]>([]);
  private readonly baseSignal = signal('');
  private readonly releaseSignal = signal<string | undefined>(undefined);

  @Input({ required: true }) set rows(value: readonly ResultRow[]) {
    this.checkedRows.set(value);
  }
  @Input({ required: true }) set base(value: string) {
    this.baseSignal.set(value);
  }
  @Input() set release(value: string | undefined) {
    this.releaseSignal.set(value);
  }
  /**
   * Set while the rows are not a result to fix from: `check` before any check, `end` while one runs.
   * Nothing is offered then (and nothing computed from the rows).
   */
  @Input() waitingFor?: 'check' | 'end';
  /** Present images whose digest is not known: the exports can have them for one request each. */
  @Input() withoutDigest = 0;
  @Output() readonly fetchDigests = new EventEmitter<void>();

  readonly copied = signal<string | undefined>(undefined);
  readonly absent = computed(() => absentRows(this.rowsSignal()));
  /** The absent images that may be printed; the rest is left out, with a note. */
  readonly printable = computed(() => printableAbsentRows(this.rowsSignal()));
  readonly leftOut = computed(() => this.printable().leftOut);
  readonly printableCount = computed(() => this.printable().printable.length);
  /** The transfer script takes the documented references: its SOURCE_REGISTRY parameter applies the setting. */
  readonly missingImages = computed(() =>
    printableAbsentRows(this.checkedRows()).printable.map(({ source, destination }) => ({ source, destination })),
  );
  readonly missingFile = computed(() => missingDependenciesFile(this.rowsSignal()));
  readonly commands = computed(() =>
    this.printable()
      .printable.slice(0, MAX_SHOWN_COMMANDS)
      .flatMap((row) => {
        const commands = imgpkgCommands(row);
        return commands ? [commands] : [];
      }),
  );
  readonly hiddenCommands = computed(() => Math.max(0, this.printableCount() - MAX_SHOWN_COMMANDS));
  readonly procedure = computed(() =>
    gettingStartedProcedure(this.releaseSignal(), this.baseSignal())?.map((step) => ({
      ...step,
      command: step.command.split(`${DOCUMENTED_SOURCE_REGISTRY}/`).join(`${this.source()}/`),
    })),
  );
  readonly releaseLabel = computed(() => this.releaseSignal() ?? '—');

  downloadMissing(): void {
    saveTextFile('dependencies.txt', this.missingFile(), 'text/plain', this.document);
  }

  downloadCsv(): void {
    saveTextFile('dependency-check.csv', resultsCsv(this.rowsSignal()), 'text/csv', this.document);
  }

  downloadJson(): void {
    const context = { base: this.baseSignal(), ...(this.releaseSignal() ? { release: this.releaseSignal() } : {}) };
    saveTextFile('dependency-check.json', resultsJson(this.rowsSignal(), context), 'application/json', this.document);
  }

  async copy(id: string, text: string): Promise<void> {
    const copied = await copyText(text, this.document);
    this.copied.set(copied ? id : undefined);
  }
}
