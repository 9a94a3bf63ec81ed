/* The sandbox portal's own words (not the plug-in's: those live in i18n/). */
import { Lang } from './session';

export const TEXT: Record<Lang, Record<string, string>> = {
  en: {
    title: 'VMware Cloud Director — sandbox',
    loginIntro: 'A local stand-in for VCD 10.6 and Harbor. Log in as:',
    provider: 'Provider portal',
    tenant: 'Tenant portal',
    home: 'Home',
    logout: 'Log out',
    welcome: 'Pick a plug-in in the navigation.',
    pluginError: 'The plug-in could not be loaded',
  },
  fr: {
    title: 'VMware Cloud Director — bac à sable',
    loginIntro: 'Une doublure locale de VCD 10.6 et de Harbor. Se connecter en tant que :',
    provider: 'Portail fournisseur',
    tenant: 'Portail locataire',
    home: 'Accueil',
    logout: 'Se déconnecter',
    welcome: 'Choisissez un plug-in dans la navigation.',
    pluginError: "Le plug-in n'a pas pu être chargé",
  },
};
