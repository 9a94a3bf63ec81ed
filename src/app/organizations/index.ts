/* What the app shell uses of the Organizations tab: the tab and its services. */
export * from './data/org-check.service';
export * from './data/organizations.service';
export * from './data/tenant-access.service';
export * from './ui/organizations-tab.component';
