/* What the app shell uses of the tenant view: its page. */
export * from './tenant-status-page.component';
