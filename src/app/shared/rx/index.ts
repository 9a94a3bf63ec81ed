/* Small rxjs helpers the host's shared modules allow. */
export * from './until-destroyed';
