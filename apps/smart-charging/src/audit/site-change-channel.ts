/** The PostgreSQL NOTIFY channel on which every committed change of a site's topology or limits names the site. */
export const SITE_CHANGE_CHANNEL = 'csms_smart_charging_site';
