/*
 * Airgap tab → Dependencies → fixing the gaps: the missing-only dependencies.txt, imgpkg commands
 * per missing image, the documented getting-started-airgapped procedure with the base filled in,
 * and CSV/JSON exports of every result. An absent image whose reference does not parse is left out
 * of what is printed, with a note that says how many and quotes the first ones.
 */
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, EventEmitter, Input, Output, computed, inject, signal } from '@angular/core';
import { I18nModule } from '@vcd/i18n';
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

/** More commands than this are not useful on screen: the missing-only file is the way then. */
const MAX_SHOWN_COMMANDS = 50;

@Component({
  selector: 'cse-dependency-fixes',
  standalone: true,
  imports: [I18nModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dependency-fixes.component.html',
  styleUrl: './dependencies-section.component.css',
})
export class DependencyFixesComponent {
  private readonly document = inject(DOCUMENT);
  private readonly rowsSignal = signal<readonly ResultRow[]>([]);
  private readonly baseSignal = signal('');
  private readonly releaseSignal = signal<string | undefined>(undefined);

  @Input({ required: true }) set rows(value: readonly ResultRow[]) {
    this.rowsSignal.set(value);
  }
  @Input({ required: true }) set base(value: string) {
    this.baseSignal.set(value);
  }
  @Input() set release(value: string | undefined) {
    this.releaseSignal.set(value);
  }
  /** Present images whose digest is not known: the exports can have them for one request each. */
  @Input() withoutDigest = 0;
  @Output() readonly fetchDigests = new EventEmitter<void>();

  readonly copied = signal<string | undefined>(undefined);
  readonly absent = computed(() => absentRows(this.rowsSignal()));
  /** The absent images that may be printed; the rest is left out, with a note. */
  readonly printable = computed(() => printableAbsentRows(this.rowsSignal()));
  readonly leftOut = computed(() => this.printable().leftOut);
  readonly printableCount = computed(() => this.printable().printable.length);
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
  readonly procedure = computed(() => gettingStartedProcedure(this.releaseSignal(), this.baseSignal()));
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
