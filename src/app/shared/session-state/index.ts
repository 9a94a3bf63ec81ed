/* What the provider page's sections learn from one another while it is open: the last registry check. */
export * from './registry-check.state';
